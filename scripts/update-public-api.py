#!/usr/bin/env python3
"""Brings a project's PublicAPI.Unshipped.txt up to date with its build (RS0016/RS0017 from PublicApiAnalyzers).

Usage: scripts/update-public-api.py <project.csproj> [more projects...]
Builds each project, adds every symbol RS0016 reports as undeclared, and takes out every symbol RS0017 reports as
declared but gone (from Unshipped; a symbol of Shipped gets a *REMOVED* line in Unshipped). Run it after changing a
public API on purpose, then read the diff: the files are the record of what the package's users see.
"""
import os, re, subprocess, sys

def update(project):
    folder = os.path.dirname(os.path.abspath(project))
    shipped_path = os.path.join(folder, "PublicAPI.Shipped.txt")
    unshipped_path = os.path.join(folder, "PublicAPI.Unshipped.txt")
    build = subprocess.run(["dotnet", "build", project, "-c", "Release", "--no-restore", "-p:TreatWarningsAsErrors=false"],
                           capture_output=True, text=True)
    added, removed = set(), set()
    for line in build.stdout.splitlines():
        m = re.search(r"RS0016: Symbol '(.*)' is not part of the declared public API", line)
        if m:
            added.add(m.group(1))
        m = re.search(r"RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found", line)
        if m:
            removed.add(m.group(1))
    shipped = set(l.rstrip("\n") for l in open(shipped_path)) if os.path.exists(shipped_path) else set()
    lines = [l.rstrip("\n") for l in open(unshipped_path)] if os.path.exists(unshipped_path) else ["#nullable enable"]
    lines = [l for l in lines if l not in removed]
    for symbol in sorted(removed):
        if symbol in shipped and "*REMOVED*" + symbol not in lines:
            lines.append("*REMOVED*" + symbol)
    for symbol in sorted(added):
        if symbol not in lines:
            lines.append(symbol)
    header = [l for l in lines if l.startswith("#")]
    body = sorted(set(l for l in lines if l and not l.startswith("#")), key=lambda l: (not l.startswith("*REMOVED*"), l))
    with open(unshipped_path, "w") as f:
        f.write("\n".join(header + body) + "\n")
    print(f"{project}: +{len(added)} -{len(removed)}")

for p in sys.argv[1:]:
    update(p)
