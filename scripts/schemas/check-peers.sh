#!/usr/bin/env bash
# Agreement with a real peer: kubernetes-validate --strict (PyPI) and kubec's schema validator must give the same
# valid/invalid verdict per document over Tests/KubeSchemaTests/Fixtures/peers and ../shared/corpus, except the
# deliberate differences listed in Tests/KubeSchemaTests/PeerAgreementTests.swift (and schemas/README.md).
#
# Installs kubernetes-validate with pip when it is missing, then runs the Swift test that compares the verdicts
# (it calls scripts/schemas/peer_verdicts.py for the peer's side).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! python3 -c 'import kubernetes_validate' 2>/dev/null; then
    echo "check-peers: installing kubernetes-validate from PyPI"
    python3 -m pip install --quiet kubernetes-validate
fi
echo "check-peers: kubernetes-validate $(python3 -c 'from importlib.metadata import version; print(version("kubernetes-validate"))')"
swift build --build-tests
swift test --skip-build --filter PeerAgreementTests
