"""The ``kg`` command: a thin layer over the library.

    kg build sources/ -o exports/     build the graph of files and folders
    kg show ARTICLE                   print what kg extracts from one article
    kg query GRAPH QUERY              run SPARQL (a string or a .rq file) over a built graph
    kg validate GRAPH                 check a built graph against the SHACL shapes
    kg serve GRAPH --port 8000        SPARQL 1.1 endpoint at /sparql, HTML view at /

Exit status: 0 all built; 1 an error stopped the build; 2 bad usage;
3 built, but some inputs were skipped (each reported on stderr); 4 (kg validate)
the graph does not conform to the shapes. ``--debug`` (anywhere on the line) shows
the traceback of an unexpected error instead of one line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .budget import ARTICLE_SECONDS

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED, EXIT_INVALID = 0, 1, 2, 3, 4


class KgError(Exception):
    """An error to report as one line, without a traceback."""


class UsageError(KgError):
    """Bad usage: reported as one line, exit status 2."""


def positive_int(text: str) -> int:
    """argparse type: an integer of at least 1 (bad values exit 2 with a usage message)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def format_list(text: str) -> list[str]:
    """argparse type: comma-separated export names, each known."""
    from .export import exporters

    names = [e.name for e in exporters()]
    chosen = [f.strip() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in names]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or repr(text)} "
                                         f"(known: {', '.join(names)})")
    return chosen


def _build(args) -> int:
    from .export import exporters
    from .pipeline import default_jobs
    from .progress import Progress, choose_mode

    progress = Progress(choose_mode(sys.stderr, quiet=args.quiet, verbose=args.verbose))
    skipped: list[str] = []

    def on_error(path: str, reason: str) -> None:
        skipped.append(path)
        progress.report(f"skipped {path}: {reason}")

    previous = []
    inputs = list(args.inputs)
    if args.update:
        from .export.articles import load as load_articles

        source = Path(args.update)
        record = source / "articles.jsonl"
        if not record.exists():
            raise KgError(f"{source}: not a kg build to update (no articles.jsonl)")
        out = Path(args.output) if args.output is not None else source  # -o: the update goes there
    else:
        out = Path(args.output if args.output is not None else "exports")
        if not inputs:
            raise UsageError("no inputs: give article files or folders")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    chosen = exporters(html_max_nodes=args.html_max_nodes, focus=args.focus, formats=args.formats)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    existing = inputs  # a missing input is reported by the reader, with the others
    if args.engine == "dask":
        try:
            import dask.bag  # noqa: F401
            import distributed  # noqa: F401
        except ImportError:
            raise KgError("--engine dask needs Dask, which is an extra: pip install 'kg[cluster]' "
                          "(or build with the default --engine local)") from None
    from .export.outdir import OutputSet

    with OutputSet(out) as staged:  # the lock, and a new folder swapped in whole at the end
        skip = [out, staged.path]   # the build never reads its own output
        if args.update:
            previous = list(load_articles(record))  # read under the lock
        if args.engine == "dask":
            from .cluster import build_on_dask

            with progress.phase(f"extracting on Dask ({len(existing)} inputs)"):
                graph = build_on_dask(existing, scheduler=args.scheduler, jobs=jobs, on_error=on_error,
                                      previous=previous, skip=skip)
            graph.provenance = args.provenance
        else:
            from .stream import build_streaming

            progress.say(f"listing the articles of {len(existing) + bool(previous)} input(s)"
                         + (f" and {len(previous)} from {args.update}" if previous else ""))
            try:
                graph = build_streaming(existing, staged.path, jobs=jobs, on_error=on_error, previous=previous,
                                        article_timeout=args.article_timeout or None, skip=skip,
                                        provenance=args.provenance, progress=progress)
            finally:
                progress.close()
        written = []
        try:
            if not graph.articles:
                raise KgError("no article could be read from the inputs")
            if args.focus and not any(args.focus.casefold() in name.casefold()
                                      for e in graph.entities() for name in (*e.names, e.label, e.key)):
                raise KgError(f"--focus {args.focus!r} matches no entity (nothing written)")
            for exp in chosen:
                with progress.phase(f"writing {exp.filename}"):
                    written.append(out / Path(exp.write(graph, staged.path)).name)
        finally:
            if hasattr(graph, "discard"):  # temporary files of a streaming build that no export took
                graph.discard()
        staged.commit()
    facts = graph.relation_count()
    if not args.quiet:
        print(f"kg: {len(graph.articles)} articles, {len(graph)} entities, {facts} relations -> "
              + ", ".join(str(w) for w in written))
    return EXIT_SKIPPED if skipped else EXIT_OK


def _show_articles(path: str) -> list:
    """The articles of ``path``: one for a file, each line's for a .jsonl (``file.jsonl#N``: line N)."""
    from .ingest import parse_article, read_article
    from .readers import ArticleError, jsonl_lines, parse_jsonl_line, read_jsonl

    name, _, line = path.partition("#") if not Path(path).exists() else (path, "", "")
    p = Path(name)
    if p.suffix.lower() != ".jsonl":
        return [read_article(p)]
    if not p.exists():
        raise KgError(f"{p}: no such file")
    if line:
        if not line.isdigit():
            raise UsageError(f"{path}: after # comes a line number")
        for n, text in jsonl_lines(p):
            if n == int(line):
                return [parse_jsonl_line(p, n, text, parse_article)]
        raise KgError(f"{p}: no article on line {line}")
    found = []
    for item in read_jsonl(p, parse_article):
        if isinstance(item, ArticleError):
            print(f"kg: skipped {item}", file=sys.stderr)
        else:
            found.append(item)
    return found


def _show(args) -> int:
    from .pipeline import Pipeline
    from .readers import ArticleError

    try:
        articles = _show_articles(args.article)
    except ArticleError as exc:
        raise KgError(str(exc)) from None
    if not articles:
        raise KgError(f"{args.article}: no article to show")
    pipeline = Pipeline()
    for i, article in enumerate(articles):
        if i:
            print()
        doc = pipeline(article)
        print(f"# {article.id}  published={article.published}  dateline={article.dateline}  title={article.title!r}")
        for ent in sorted(doc.entities.values(), key=lambda e: (e.type, e.key)):
            others = sorted(ent.names - {ent.label})
            print(f"{ent.type:13} {ent.label}  [{ent.key}]" + (f"  aka {others}" if others else ""))
        for fact in doc.facts:
            r = fact.relation
            q = f" {sorted(r.qualifiers)}" if r.qualifiers else ""
            print(f"  {r.subject} --{r.predicate}--> {r.object}{q}   (sentence {fact.evidence.sentence})")
    return EXIT_OK


def _stale_note(reason: str) -> None:
    print(f"kg: note: {reason}; loading the graph file instead (run kg build again to refresh the store)",
          file=sys.stderr)


def _query(args) -> int:
    from .query import QueryError, read_query, run, to_csv, to_json, to_table
    from .store import open_graph

    try:
        result = run(open_graph(args.graph, on_stale=_stale_note), read_query(args.query),
                     allow_service=args.allow_service)
    except QueryError as exc:
        raise KgError(str(exc)) from None
    out = {"table": to_table, "csv": to_csv, "json": to_json}[args.format](result)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return EXIT_OK


def _validate(args) -> int:
    from .query import QueryError
    from .validate import validate

    try:
        report = validate(args.graph)
    except QueryError as exc:
        raise KgError(str(exc)) from None
    if report.conforms:
        print(f"kg: {args.graph} conforms to the kg shapes")
        return EXIT_OK
    sys.stdout.write(report.text if args.verbose else "\n".join(
        line for line in report.text.splitlines() if line.strip().startswith(("Message:", "Focus Node:"))) + "\n")
    print(f"kg: {args.graph} does not conform: {report.violations} problem(s)", file=sys.stderr)
    return EXIT_INVALID


def _size(text: str) -> int:
    """A byte count: 1000000, 500k, 50M, 2G (powers of 1000; KiB/MiB/GiB for powers of 1024)."""
    units = {"": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
             "kib": 2**10, "mib": 2**20, "gib": 2**30}
    t = text.strip().lower()
    num = t.rstrip("kmgib")
    try:
        value = float(num) * units[t[len(num):]]
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (examples: 1000000, 500k, 50M, 2G)") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}")
    return int(value)


def _serve(args) -> int:
    from .query import QueryError
    from .serve import make_server

    try:
        server = make_server(args.graph, host=args.host, port=args.port, timeout=args.timeout,
                             allow_service=args.allow_service, cors=tuple(args.cors or ()),
                             max_body=args.max_body, max_result=args.max_result, max_queries=args.max_queries,
                             max_memory=args.max_query_memory, idle_timeout=args.idle_timeout,
                             allowed_hosts=tuple(args.allow_host or ()))
    except QueryError as exc:
        raise KgError(str(exc)) from None
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"kg: serving {args.graph} at http://{shown}:{port}/sparql (HTML view at http://{shown}:{port}/); "
          "Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    from . import __version__

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the whole traceback of an unexpected error")
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge-graph builder for Indonesian government news.",
                                 epilog="Exit status: 0 done; 1 an error stopped the command; 2 bad usage; "
                                        "3 built, some inputs skipped; 4 (validate) the graph does not conform.")
    ap.add_argument("--version", action="version", version=f"kg {__version__}")
    ap.add_argument("--debug", action="store_true", help="show the whole traceback of an unexpected error")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", parents=[common], help="build the graph from articles (files or folders)")
    b.add_argument("inputs", nargs="*", help="article files or folders (.txt, .md, .html, .jsonl)")
    b.add_argument("-o", "--output", default=None,
                   help="output folder (default: exports/; with --update: the build updated)")
    b.add_argument("--update", metavar="BUILD",
                   help="add the inputs to an existing build folder (written in place, or into -o)")
    b.add_argument("--html-max-nodes", type=positive_int, default=2000, metavar="N",
                   help="at most N entities drawn in graph.html (default 2000): the most connected, or those around --focus")
    b.add_argument("-j", "--jobs", type=positive_int, metavar="N",
                   help="extraction processes (default: all cores); the output is the same for any N")
    b.add_argument("--formats", metavar="LIST", type=format_list,
                   help="only these exports, comma-separated: turtle,ntriples,oxigraph,jsonld,graphml,neo4j,html,"
                        "articles (default: all; --update needs articles)")
    b.add_argument("--provenance", choices=("full", "facts"), default="full",
                   help="full: every mention of an entity as a kg:Mention node (default); facts: only the "
                        "assertions and statements with their article and sentence (a much smaller graph)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: worker processes on this machine (default); dask: extraction and merge on Dask "
                        "(needs pip install 'kg[cluster]')")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler of an existing cluster (tcp://host:8786); "
                        "default: a local cluster of --jobs workers")
    b.add_argument("--focus", metavar="NAME", help="centre graph.html on the entities whose names contain NAME")
    b.add_argument("--article-timeout", type=float, default=ARTICLE_SECONDS, metavar="SECONDS",
                   help=f"CPU seconds one article may take to read and extract (default {ARTICLE_SECONDS:g}); "
                        "a slower one is reported and skipped; 0: no limit")
    talk = b.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="no progress and no summary line (errors and skipped inputs are still reported)")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="progress as plain lines with each phase's seconds (for logs); "
                           "by default a progress bar is shown on a terminal only")
    b.set_defaults(func=_build)
    s = sub.add_parser("show", parents=[common], help="print the entities and relations kg extracts from one article")
    s.add_argument("article", help="an article file; a .jsonl shows each line's article (FILE.jsonl#N: line N)")
    s.set_defaults(func=_show)
    q = sub.add_parser("query", parents=[common], help="run a SPARQL query over a built graph")
    q.add_argument("graph", help="a build folder (its graph.oxigraph store, else graph.ttl), or graph.ttl / graph.nt")
    q.add_argument("query", help="a SPARQL query, or a .rq file")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--allow-service", action="store_true",
                   help="run federated queries (SERVICE): they send requests to other servers (default: refused)")
    q.set_defaults(func=_query)
    v = sub.add_parser("validate", parents=[common], help="check a built graph against the SHACL shapes in ontology/shapes.ttl")
    v.add_argument("graph", help="graph.ttl / graph.nt, or a build folder")
    v.add_argument("--verbose", action="store_true", help="print pySHACL's whole report")
    v.set_defaults(func=_validate)
    sv = sub.add_parser("serve", parents=[common], help="a read-only SPARQL endpoint (/sparql) and the HTML view (/)")
    sv.add_argument("graph", help="a build folder (its graph.oxigraph store, else graph.ttl), or graph.ttl / graph.nt")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default: 10)")
    sv.add_argument("--max-body", type=_size, default=10**6, metavar="SIZE",
                    help="largest request body (default: 1M); larger gets 413")
    sv.add_argument("--max-result", type=_size, default=50 * 10**6, metavar="SIZE",
                    help="largest serialized answer (default: 50M); larger gets 413")
    sv.add_argument("--max-queries", type=int, default=4, metavar="N",
                    help="queries running at once (default: 4); up to 256 more wait, beyond that 503")
    sv.add_argument("--max-query-memory", type=_size, default=2**30, metavar="SIZE",
                    help="memory one query may add to the loaded graph (default: 1GiB; 0: no limit)")
    sv.add_argument("--idle-timeout", type=float, default=10.0, metavar="SECONDS",
                    help="close a connection that sends no complete request (or body) in this time (default: 10)")
    sv.add_argument("--cors", action="append", metavar="ORIGIN",
                    help="allow browser pages from ORIGIN (e.g. https://news.example; * for any) to query; "
                         "repeatable (default: none)")
    sv.add_argument("--allow-host", action="append", metavar="NAME",
                    help="another Host name to answer to when listening on loopback (e.g. behind a proxy)")
    sv.add_argument("--allow-service", action="store_true",
                    help="run federated queries (SERVICE): they send requests to other servers (default: refused)")
    sv.set_defaults(func=_serve)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt as exc:
        from .export.outdir import Terminated

        print("kg: terminated" if isinstance(exc, Terminated) else "kg: interrupted", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    except Exception as exc:  # OSError, ValueError, or a bug in kg: one line, unless --debug
        if args.debug:
            raise
        print(f"kg: error: {type(exc).__name__ + ': ' if not isinstance(exc, (OSError, ValueError)) else ''}{exc}"
              + ("" if isinstance(exc, (OSError, ValueError)) else " (run with --debug for the traceback)"),
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
