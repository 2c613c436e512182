#!/usr/bin/env python3
"""Summarizes an async-profiler collapsed-stacks file by area (Jetty, JDBC driver, our code, ...).

Each sample goes to the innermost frame of a known component (the JDK only when no other is on the stack), with
the JDK and kernel work that component called; kernel leaves are counted apart. See bench/results/profile-issue-14.md.
Usage: summarize-collapsed.py <file.collapsed> [thread-name-regex]
"""
import sys, re, collections
# Attributes each sample to the innermost frame of a known component (the JDK only when no other is on the stack), with the JDK and kernel work it called; kernel leaves are shown as "kernel (via X)".
# usage: areas.py <collapsed> [thread-regex]
AREAS = [
    ('our code: JDBC ledger, group commit', r'dev/paymentsdr/service/adapter/out/persistence'),
    ('our code: API, JSON rendering, validation', r'dev/paymentsdr/service/adapter/in/api|dev/paymentsdr/payments/'),
    ('our code: HTTP edge (gate, ids, access log call)', r'dev/paymentsdr/service/adapter/in/http|dev/paymentsdr/service/PaymentHttpServer'),
    ('our code: metrics, relay, other', r'dev/paymentsdr/'),
    ('PostgreSQL JDBC driver', r'org/postgresql/'),
    ('HikariCP', r'com/zaxxer/hikari'),
    ('Jackson (JSON)', r'com/fasterxml/jackson'),
    ('Logback + logstash encoder (logs)', r'ch/qos/logback|net/logstash'),
    ('Micrometer / Prometheus', r'io/micrometer|io/prometheus'),
    ('Javalin (+Kotlin)', r'io/javalin|kotlin/'),
    ('Jetty', r'org/eclipse/jetty'),
    ('JDK (threads, locks, NIO, crypto)', r'^java/|^jdk/|^sun/|^javax/|^com/sun/'),
]
f = sys.argv[1]; thr = sys.argv[2] if len(sys.argv) > 2 else None
total = 0; area = collections.Counter(); kernel = collections.Counter()
for line in open(f):
    stack, n = line.rsplit(' ', 1); n = int(n)
    fr = stack.split(';')
    if thr and not re.search(thr, fr[0]): continue
    total += n
    if re.search(r'CompilerThre|C2Compiler|C1Compiler', stack): area['JIT compiler (warm-up)'] += n; continue
    if re.search(r'G1|GC Thread|VM Thread', fr[0]) : area['GC / VM threads'] += n; continue
    name = None
    for a_only in (AREAS[:-1], AREAS[-1:]):   # the innermost library or own frame; the JDK only when nothing else
        for x in reversed(fr):
            for a, p in a_only:
                if re.search(p, x): name = a; break
            if name: break
        if name: break
    name = name or 'other (native, unknown)'
    if fr[-1].endswith('_[k]') or re.search(r'^(__|do_syscall|entry_SYSCALL)', fr[-1]):
        kernel[name] += n
    area[name] += n
print('samples: %d' % total)
print('| area | share of CPU samples | of it in the kernel (syscalls, scheduling) |')
print('| --- | --- | --- |')
for a, n in area.most_common():
    print('| %s | %.1f%% | %.1f%% |' % (a, 100.0*n/total, 100.0*kernel[a]/total))
print('| total in the kernel | %.1f%% | |' % (100.0*sum(kernel.values())/total))
