#!/bin/sh
# Writes DIR/before/ (the demo's manifests/*.yaml, without the cluster inventory) and DIR/after/ (the same after a
# typical change): `kubec diff DIR/before DIR/after --cluster manifests/cluster` (README screenshot, browser tests).
#   web.yaml        Deployment web: 3 -> 4 replicas and nginx 1.27.2 -> 1.27.3 (a rollout, one more pod)
#   zookeeper.yaml  zoo.cfg maxClientCnxns 60 -> 120 (a line diff); volumeClaimTemplates 10Gi -> 20Gi
#                   (an update the API server refuses: StatefulSet spec fields other than the allowed ones)
#   services.yaml   Service zk-cs session affinity timeout 10800 -> 3600 s (dataplane rules change)
# Every edit must apply: a demo that changed under it is an error, not a quieter diff.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: scripts/demo-change.sh DIR}
out=$dir/after
rm -rf "$dir/before" "$out"
mkdir -p "$dir/before" "$out"
cp "$root"/manifests/*.yaml "$dir/before"/
cp "$root"/manifests/*.yaml "$out"/
edit() { # FILE FROM TO
    grep -qF -- "$2" "$out/$1" || { echo "demo-change.sh: '$2' not in manifests/$1" >&2; exit 1; }
    sed -i "s|$2|$3|" "$out/$1"
}
edit web.yaml 'replicas: 3' 'replicas: 4'
edit web.yaml 'image: nginx:1.27.2' 'image: nginx:1.27.3'
edit zookeeper.yaml 'maxClientCnxns=60' 'maxClientCnxns=120'
edit zookeeper.yaml 'storage: 10Gi' 'storage: 20Gi'
edit services.yaml 'timeoutSeconds: 10800' 'timeoutSeconds: 3600'
