// KubePlan
