// KubeEmit
