#!/usr/bin/python3
"""The peer side of `switchman bench spf --peer pyspf`: evaluates SPF test cases with pyspf against
the loopback DNS servers the benchmark started.

Usage: pyspf-peer.py CASES.json OUT.json EVALUATIONS [verdicts]
CASES.json: {"server": null or [host, port] (ask this server for every case instead),
             "cases": [{"id", "host", "port", "mailfrom", "helo"}]}
OUT.json:   {"version", "backend", "results": [{"id", "result", "us"}]}
"us" is the median wall time of one evaluation in microseconds over EVALUATIONS evaluations (after
one untimed evaluation of every case, skipped with "verdicts"). pyspf picks its DNS library at import: dnspython when it is
installed (Debian python3-dnspython), else pydns (python3-dns). Whichever it picked, this script points
it at the case's server explicitly: dnspython's default resolver is replaced by one that knows only
that server (no /etc/resolv.conf, no cache), and pydns's DNS.defaults server and port are set.
Needs Debian's python3-spf. With SWITCHMAN_PYSPF_PYDNS=1 in the environment dnspython is hidden from
pyspf, so it picks pydns (to measure that backend on a machine that has both).
"""
import json
import os
import statistics
import sys
import time

if os.environ.get('SWITCHMAN_PYSPF_PYDNS') == '1':
    sys.modules['dns'] = None  # pyspf's "import dns" fails and it falls back to pydns

import spf

BACKEND = 'dnspython' if spf.DNSLookup is getattr(spf, 'DNSLookup_dnspython', None) else 'pydns'
if BACKEND == 'dnspython':
    import dns.resolver
    import dns.version
    BACKEND += ' ' + dns.version.version
else:
    import DNS

RESOLVERS = {}


def point_at(host, port):
    """Makes pyspf's DNS backend ask host:port and nothing else."""
    if BACKEND.startswith('dnspython'):
        key = (host, port)
        r = RESOLVERS.get(key)
        if r is None:
            r = dns.resolver.Resolver(configure=False)
            r.nameservers = [host]
            r.port = port
            r.cache = None
            RESOLVERS[key] = r
        dns.resolver.default_resolver = r
    else:
        DNS.defaults['server'] = [host]
        DNS.defaults['port'] = port


def evaluate(case, server):
    host, port = server if server else ('127.0.0.1', case['port'])
    point_at(host, port)
    q = spf.query(i=case['host'], s=case['mailfrom'], h=case['helo'], strict=True, timeout=0.25)
    q.set_default_explanation('DEFAULT')
    res, _code, _exp = q.check()
    return res


def main():
    spec = json.load(open(sys.argv[1]))
    evaluations = int(sys.argv[3])
    server = spec.get('server')
    cases = spec['cases']
    if sys.argv[4:] != ['verdicts']:
        for c in cases:  # warm-up
            evaluate(c, server)
    out = []
    for c in cases:
        times = []
        res = None
        for _ in range(evaluations):
            t0 = time.perf_counter()
            res = evaluate(c, server)
            times.append((time.perf_counter() - t0) * 1e6)
        out.append({'id': c['id'], 'result': res, 'us': statistics.median(times)})
    json.dump({'version': spf.__version__, 'backend': BACKEND, 'results': out}, open(sys.argv[2], 'w'))


if __name__ == '__main__':
    main()
