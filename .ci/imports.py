#!/usr/bin/env python3
"""The import picture of the app: which module uses which, and any circles.

Reads `use crate::…` / `crate::…` paths in every Rust file of a crate's src/,
maps each file to its module (src/pages/partner/draft.rs -> pages::partner),
groups modules to the depth given, and prints the edges and the import
circles (strongly connected groups of more than one module). Exits 1 when
there is a circle, so `./.ci/test` keeps the picture one-way.

    .ci/imports.py [--depth N] [--quiet] [CRATE_SRC_DIR ...]
"""
import os
import re
import sys

def module_of(root, path, depth):
    rel = os.path.relpath(path, root)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return "::".join(rel[:depth]) or "(root)"

def edges(root, depth):
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".rs") or "bin" in dirpath.split(os.sep):
                continue
            path = os.path.join(dirpath, f)
            me = module_of(root, path, depth)
            text = open(path, encoding="utf-8").read()
            text = re.sub(r"//[^\n]*", "", text)
            targets = set()
            for m in re.finditer(r"crate::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)", text):
                parts = m.group(1).split("::")
                targets.add("::".join(parts[:depth]))
            for m in re.finditer(r"use crate::\{([^}]*)\}", text):
                for item in m.group(1).split(","):
                    name = item.strip().split("::")[0].strip()
                    if re.match(r"^[a-z_][a-z0-9_]*$", name):
                        targets.add(name)
            out.setdefault(me, set()).update(t for t in targets if t and t != me and not t.startswith(me + "::") and not me.startswith(t + "::"))
    return out

def circles(graph):
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
    nodes = set(graph) | {t for ts in graph.values() for t in ts}
    sys.setrecursionlimit(10000)
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = []
            while True:
                w = stack.pop(); on.discard(w); scc.append(w)
                if w == v: break
            if len(scc) > 1:
                sccs.append(sorted(scc))
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return sccs

def main():
    args = sys.argv[1:]
    depth, quiet = 2, False
    if "--depth" in args:
        i = args.index("--depth"); depth = int(args[i + 1]); del args[i:i + 2]
    if "--quiet" in args:
        args.remove("--quiet"); quiet = True
    roots = args or ["src"]
    bad = False
    for root in roots:
        graph = edges(root, depth)
        found = circles(graph)
        if not quiet:
            print(f"{root}: {sum(len(v) for v in graph.values())} import edges between {len(graph)} modules")
            for m in sorted(graph):
                if graph[m]:
                    print(f"  {m} -> {', '.join(sorted(graph[m]))}")
        for c in found:
            bad = True
            print(f"{root}: import circle: {' <-> '.join(c)}")
        if not found:
            print(f"{root}: no import circles")
    sys.exit(1 if bad else 0)

main()
