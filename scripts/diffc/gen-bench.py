#!/usr/bin/env python3
"""Writes the `kubec diff --cluster` benchmark input: OUT/old, OUT/new and OUT/cluster.

N Services (default 2000), each in front of its own Deployment (2 replicas, 2 named ports), spread over 20
namespaces, on 50 Nodes of 110 pods. The new side changes 1%: every 100th Deployment scales 2 -> 3, every
100th Service (offset 50) changes its http port 80 -> 8000. Deterministic: no randomness.

Usage: scripts/diffc/gen-bench.py OUT [SERVICES]
then:  time .build/release/kubec diff --cluster OUT/cluster OUT/old OUT/new
"""
import os
import sys


def app(index, new):
    ns = f"ns-{index % 20}"
    replicas = 3 if new and index % 100 == 0 else 2
    port = 8000 if new and index % 100 == 50 else 80
    return f"""---
apiVersion: apps/v1
kind: Deployment
metadata: {{name: app-{index}, namespace: {ns}}}
spec:
  replicas: {replicas}
  selector: {{matchLabels: {{app: app-{index}}}}}
  template:
    metadata: {{labels: {{app: app-{index}}}}}
    spec:
      containers:
        - name: app
          image: registry.example/app:1
          ports: [{{name: http, containerPort: 8080}}, {{name: grpc, containerPort: 9090}}]
          resources: {{requests: {{cpu: 10m, memory: 16Mi}}}}
---
apiVersion: v1
kind: Service
metadata: {{name: app-{index}, namespace: {ns}}}
spec:
  selector: {{app: app-{index}}}
  ports:
    - {{name: http, port: {port}, targetPort: http}}
    - {{name: grpc, port: 9090, targetPort: grpc}}
"""


def node(index):
    return f"""---
apiVersion: v1
kind: Node
metadata:
  name: node-{index:02d}
  labels: {{kubernetes.io/hostname: node-{index:02d}, topology.kubernetes.io/zone: zone-{index % 3}}}
spec: {{podCIDR: 10.244.{index}.0/24}}
status:
  addresses: [{{type: InternalIP, address: 192.168.{index // 200}.{index % 200 + 10}}}]
  allocatable: {{cpu: "16", memory: 64Gi, pods: "110"}}
"""


def main():
    out = sys.argv[1]
    services = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    for side in ("old", "new", "cluster"):
        os.makedirs(os.path.join(out, side), exist_ok=True)
    for side in ("old", "new"):
        for ns in range(20):
            with open(os.path.join(out, side, f"ns-{ns}.yaml"), "w") as f:
                f.write(f"---\napiVersion: v1\nkind: Namespace\nmetadata: {{name: ns-{ns}}}\n")
                for index in range(ns, services, 20):
                    f.write(app(index, side == "new"))
    with open(os.path.join(out, "cluster", "nodes.yaml"), "w") as f:
        for index in range(50):
            f.write(node(index))


main()
