"""nginx and the health endpoints on the cluster: an unready app server leaves the round robin.

Needs both app servers alive and leaves them so (the `kills_servers` tests run
after it). Open-source nginx has no active health checks of its own:
scripts/nginx-readiness.sh polls each app server's /readyz and marks an
unready one `down` (scripts/cluster.sh runs it beside nginx).
"""

import os
import signal
import time

import pytest
import requests

from tests.cluster.conftest import wait_until

pytestmark = pytest.mark.cluster


def upstream(cluster) -> str:
    return (cluster["dir"] / "nginx" / "site-upstream.conf").read_text()


def group_of(cluster, name: str) -> int:
    return int((cluster["dir"] / f"{name}.pid").read_text())


def test_probes_through_nginx_and_metrics_only_inside(cluster, visitor):
    assert visitor.go("GET", "/healthz").json() == {"status": "alive"}
    ready = wait_until(
        lambda: (r := visitor.go("GET", "/readyz")).status_code == 200 and r.json(),
        seconds=30,
        what="/readyz through nginx",
    )
    assert ready["status"] == "ready"
    assert visitor.go("GET", "/metrics").status_code == 404  # never through nginx
    backend = os.environ["CLUSTER_APP1_BACKEND"]
    assert requests.get(f"{backend}/metrics", timeout=10).status_code == 403
    scraped = requests.get(
        f"{backend}/metrics",
        headers={"Authorization": f"Bearer {os.environ['METRICS_TOKEN']}"},
        timeout=30,
    )
    assert scraped.status_code == 200
    assert "lotgenoot_workers_live" in scraped.text


def test_an_app_server_that_stops_answering_is_taken_out_and_back(cluster):
    app1 = os.environ["CLUSTER_APP1_BACKEND"].removeprefix("http://")
    wait_until(lambda: "down" not in upstream(cluster), seconds=30, what="both app servers up")
    pid = group_of(cluster, "app1")
    os.killpg(pid, signal.SIGSTOP)  # alive but answering nothing: /readyz times out
    try:
        wait_until(
            lambda: f"server {app1} down;" in upstream(cluster),
            seconds=30,
            what="nginx-readiness to mark app1 down",
        )
        time.sleep(1)  # nginx's reload has taken effect
        for _ in range(10):
            # A new connection each time: the old nginx workers' keep-alive ones close.
            response = requests.get(
                f"{cluster['site']}/healthz", verify=os.environ["CLUSTER_CA"], timeout=5
            )
            assert response.status_code == 200  # every request goes to app2, none waits
    finally:
        os.killpg(pid, signal.SIGCONT)
    wait_until(lambda: "down" not in upstream(cluster), seconds=30, what="app1 back in")
