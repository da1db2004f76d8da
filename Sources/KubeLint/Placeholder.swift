// KubeLint
