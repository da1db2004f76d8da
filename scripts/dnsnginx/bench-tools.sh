#!/bin/sh
# Times the real tools on the files the DNS/nginx benchmark wrote under OUT (default /tmp/kubec-bench-out):
# named-checkzone on each zone, and nginx -t on ingress/nginx.conf after creating a throwaway certificate
# for every TLS secret it names. Prints wall and user seconds per tool.
set -eu
OUT=${1:-/tmp/kubec-bench-out}
for zone in cluster.local in-addr.arpa ip6.arpa; do
    /usr/bin/time -f "named-checkzone $zone: %e s wall, %U s user" named-checkzone -q "$zone" "$OUT/dns/$zone.zone"
done
mkdir -p "$OUT/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=kubec-bench \
    -keyout "$OUT/bench.key" -out "$OUT/bench.crt" 2>/dev/null
grep -o "\"$OUT/tls/[^\"]*/tls.crt\"" "$OUT/ingress/nginx.conf" | tr -d '"' | sort -u | while read -r crt; do
    dir=$(dirname "$crt")
    mkdir -p "$dir"
    cp "$OUT/bench.crt" "$dir/tls.crt"
    cp "$OUT/bench.key" "$dir/tls.key"
done
/usr/bin/time -f "nginx -t: %e s wall, %U s user" nginx -t -q -e "$OUT/error.log" -c "$OUT/ingress/nginx.conf"
