// KubeSchema
