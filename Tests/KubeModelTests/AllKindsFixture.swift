/// One document of every kind the model decodes, with the fields each decoder reads.
enum AllKindsFixture {
    static let text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
          minReadySeconds: 5
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                ports: [{name: http, containerPort: 80}]
                resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {cpu: "1", memory: 128Mi}}
                env:
                - {name: MODE, value: prod}
                - name: POD_IP
                  valueFrom: {fieldRef: {fieldPath: status.podIP}}
                - name: PASSWORD
                  valueFrom: {secretKeyRef: {name: db, key: password}}
                envFrom: [{configMapRef: {name: web-config}, prefix: WEB_}]
                volumeMounts: [{name: config, mountPath: /etc/web, readOnly: true}]
                readinessProbe: {httpGet: {path: /healthz, port: http}}
                livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 20}
                startupProbe: {exec: {command: [cat, /tmp/ready]}}
                securityContext:
                  {privileged: false, allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 101}
              volumes:
              - {name: config, configMap: {name: web-config}}
              - {name: data, persistentVolumeClaim: {claimName: web-data}}
              - {name: tmp, emptyDir: {}}
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a, b]}]
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 50
                    preference: {matchExpressions: [{key: disk, operator: In, values: [ssd]}]}
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      labelSelector: {matchLabels: {app: web}}
                      topologyKey: kubernetes.io/hostname
                      matchLabelKeys: [pod-template-hash]
              tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule}]
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule,
                 labelSelector: {matchLabels: {app: web}}, minDomains: 2}
              priorityClassName: high
              serviceAccountName: web
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: legacy}
        spec:
          replicas: 2
          selector: {matchLabels: {app: legacy}}
          template:
            metadata: {labels: {app: legacy}}
            spec: {containers: [{name: c, image: busybox}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: zk}
        spec:
          serviceName: zk-hs
          replicas: 3
          podManagementPolicy: Parallel
          ordinals: {start: 1}
          updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}
          selector: {matchLabels: {app: zk}}
          template:
            metadata: {labels: {app: zk}}
            spec: {containers: [{name: zk, image: zookeeper:3.9}]}
          volumeClaimTemplates:
          - metadata: {name: datadir}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: fluentd, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: fluentd}}
          updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 10%}}
          template:
            metadata: {labels: {app: fluentd}}
            spec:
              tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
              containers: [{name: fluentd, image: fluentd:v1.16}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          completions: 5
          parallelism: 2
          backoffLimit: 4
          activeDeadlineSeconds: 600
          completionMode: Indexed
          template:
            spec: {restartPolicy: Never, containers: [{name: m, image: migrate:1}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          timeZone: Etc/UTC
          concurrencyPolicy: Forbid
          suspend: true
          jobTemplate:
            spec:
              template:
                spec: {restartPolicy: OnFailure, containers: [{name: r, image: report:1}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec:
          nodeName: node-1
          hostNetwork: true
          containers: [{name: d, image: busybox, ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]
          sessionAffinity: ClientIP
          externalTrafficPolicy: Local
          loadBalancerSourceRanges: [10.0.0.0/8]
        status:
          loadBalancer: {ingress: [{ip: 203.0.113.10}]}
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: external-db}
        subsets:
        - addresses: [{ip: 192.0.2.10}]
          ports: [{name: pg, port: 5432}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: external-db-1, labels: {kubernetes.io/service-name: external-db}}
        addressType: IPv4
        endpoints: [{addresses: [192.0.2.10], conditions: {ready: true}}]
        ports: [{name: pg, port: 5432, protocol: TCP}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: shop, annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}}
        spec:
          ingressClassName: nginx
          defaultBackend: {service: {name: web, port: {number: 80}}}
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          rules:
          - host: shop.example.com
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
              - {path: /healthz, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: nginx, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}
        spec: {controller: k8s.io/ingress-nginx}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from:
            - podSelector: {matchLabels: {app: web}}
            - namespaceSelector: {matchLabels: {team: ops}}
            - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
            ports: [{port: 5432}, {protocol: UDP, port: 30000, endPort: 30100}]
          egress:
          - to: [{podSelector: {}}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: zk}
        spec: {minAvailable: 2, selector: {matchLabels: {app: zk}}}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-1, labels: {kubernetes.io/hostname: node-1, topology.kubernetes.io/zone: a}}
        spec:
          podCIDR: 10.244.1.0/24
          taints: [{key: dedicated, value: web, effect: NoSchedule}]
        status:
          addresses: [{type: InternalIP, address: 192.168.1.11}, {type: Hostname, address: node-1}]
          capacity: {cpu: "4", memory: 16Gi, pods: "110"}
          allocatable: {cpu: 3800m, memory: 15Gi}
          images: [{names: ["nginx:1.27"], sizeBytes: 70000000}]
          conditions: [{type: Ready, status: "True"}]
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: web}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web-config}
        data: {nginx.conf: "events {}", mode: prod}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db}
        type: Opaque
        stringData: {password: hunter2}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: web-data}
        spec: {accessModes: [ReadWriteOnce], storageClassName: fast, resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object}}
          - {name: v1beta1, served: false, storage: false}
        ---
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: demo}
        spec:
          kubernetesVersion: "1.34"
          serviceCIDR: 10.100.0.0/16
          nodePortRange: 30000-31000
          proxy: {masqueradeBit: 15}
        """
}
