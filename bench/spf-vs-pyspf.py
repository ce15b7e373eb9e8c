#!/usr/bin/python3
"""Evaluate SPF test cases with pyspf against the loopback DNS servers Switchman's test started.

Usage: spf-vs-pyspf.py CASES.json OUT.json REPEAT
CASES.json: [{"id", "port", "host", "mailfrom", "helo"}]; OUT.json: [{"id", "result", "explanation", "us"}]
where "us" is the median wall time of one evaluation in microseconds (after one warm-up pass).
Needs Debian's python3-spf (pyspf 2.0.14, pydns backend).
"""
import json
import statistics
import sys
import time

import DNS
import spf


def evaluate(case):
    DNS.defaults['server'] = ['127.0.0.1']
    DNS.defaults['port'] = case['port']
    q = spf.query(i=case['host'], s=case['mailfrom'], h=case['helo'], strict=True, timeout=0.25)
    q.set_default_explanation('DEFAULT')
    res, _code, exp = q.check()
    return res, exp


def main():
    cases = json.load(open(sys.argv[1]))
    repeat = int(sys.argv[3])
    for c in cases:  # warm-up
        evaluate(c)
    out = []
    for c in cases:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            res, exp = evaluate(c)
            times.append((time.perf_counter() - t0) * 1e6)
        out.append({'id': c['id'], 'result': res, 'explanation': exp, 'us': statistics.median(times)})
    json.dump(out, open(sys.argv[2], 'w'))


if __name__ == '__main__':
    main()
