#!/usr/bin/python3
"""Execute notebooks headless in the project's tslab kernel, through real Jupyter.

    /usr/bin/python3 test/notebooks/run_notebook.py NOTEBOOK.ipynb [...]
        [--output-dir DIR]   write the executed notebook (and --html) there
        [--html]             also export the executed notebook to HTML
        [--timeout S]        per-cell timeout in seconds (default 900)

Uses Debian's Jupyter (python3-nbclient, jupyter-client, nbconvert) with the
kernelspec kept in notebooks/.jupyter (JUPYTER_PATH is set here, nothing is
installed system-wide). Each notebook runs with its own folder as working
directory. A failing cell stops the run and prints the cell's number, its
source and its own error text (tslab sends no ename/evalue/traceback, only
stderr output), then exits 1. Needs `npm run build` first (cells import the
built package).
"""
import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KERNELS = os.path.join(ROOT, "notebooks", ".jupyter")
os.environ["JUPYTER_PATH"] = KERNELS + os.pathsep + os.environ.get("JUPYTER_PATH", "")

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError
except ImportError as exc:  # pragma: no cover
    sys.exit(f"run_notebook: Jupyter is missing ({exc}). Install Debian's packages: "
             "apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client")


def cell_error_text(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename', '')}: {out.get('evalue', '')}\n" + "\n".join(out.get("traceback", [])))
    return "".join(parts).strip() or "(the kernel reported an error but sent no error text)"


def make_client(nb, path, args, current):
    def on_cell_start(cell, cell_index):
        current["index"] = cell_index
    return NotebookClient(nb, kernel_name="synthlab", timeout=args.timeout, startup_timeout=120,
                          allow_errors=False, on_cell_start=on_cell_start,
                          resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})


def run(path, args):
    nb = nbformat.read(path, as_version=4)
    name = nb.metadata.get("kernelspec", {}).get("name")
    if name != "synthlab":
        print(f"{path}: kernelspec name is {name!r}, expected 'synthlab'", file=sys.stderr)
        return 1
    current = {"index": None}
    client = make_client(nb, path, args, current)
    t0 = time.time()
    status = 0
    for attempt in (1, 2):
        try:
            client.execute()
            break
        except CellExecutionError:
            idx = current["index"]
            cell = nb.cells[idx]
            code_no = sum(1 for c in nb.cells[: idx + 1] if c.cell_type == "code")
            print(f"FAILED {path}: cell {idx} (code cell {code_no})", file=sys.stderr)
            print("----- cell source -----\n" + cell.source + "\n----- cell error -----", file=sys.stderr)
            print(cell_error_text(cell), file=sys.stderr)
            status = 1
            break
        except (TimeoutError, RuntimeError, DeadKernelError) as exc:
            if attempt == 1 and current["index"] is None:
                print(f"{path}: kernel did not start ({type(exc).__name__}: {exc}); retrying once", file=sys.stderr)
                nb = nbformat.read(path, as_version=4)
                client = make_client(nb, path, args, current)
                continue
            where = f" in cell {current['index']}" if current["index"] is not None else ""
            print(f"FAILED {path}{where}: {type(exc).__name__}: {exc}", file=sys.stderr)
            status = 1
            break
    n_code = sum(1 for c in nb.cells if c.cell_type == "code")
    if status == 0:
        print(f"ok {path}: {n_code} code cells in {time.time() - t0:.1f} s")
    if args.output_dir:
        os.makedirs(args.output_dir, exist_ok=True)
        base = os.path.join(args.output_dir, os.path.splitext(os.path.basename(path))[0])
        nbformat.write(nb, base + ".ipynb")
        if args.html:
            from nbconvert import HTMLExporter
            body, _ = HTMLExporter().from_notebook_node(nb)
            with open(base + ".html", "w") as f:
                f.write(body)
            print(f"wrote {base}.html")
    return status


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("notebooks", nargs="+")
    p.add_argument("--output-dir")
    p.add_argument("--html", action="store_true")
    p.add_argument("--timeout", type=int, default=900)
    args = p.parse_args()
    status = 0
    for path in args.notebooks:
        status |= run(path, args)
    return status


if __name__ == "__main__":
    sys.exit(main())
