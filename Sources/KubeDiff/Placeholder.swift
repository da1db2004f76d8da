// KubeDiff
