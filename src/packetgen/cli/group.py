"""The command group: packetgen's errors turned into located messages and exit codes (never a
traceback), and what a rendering process tunes before it starts."""
from __future__ import annotations

import os
import sys

import click

from packetgen.errors import InputError, PacketgenError, Terminated
from packetgen.version import __version__


def print_diagnostics(diagnostics) -> None:
    for d in diagnostics:
        click.echo(str(d), err=True)


class Group(click.Group):
    """Turns packetgen's errors into located messages and exit codes, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            print_diagnostics(exc.diagnostics)
            ctx.exit(2)
        except PacketgenError as exc:
            click.echo(f"packetgen: error: {exc}", err=True)
            ctx.exit(getattr(exc, "code", 2))
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # `packetgen framework | head`: the reader left; so do we
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except OSError as exc:
            from packetgen.output import disk_refused

            reason = disk_refused(exc)  # a write to standard output (`> /dev/full`); files say so themselves
            if reason is not None:
                click.echo(f"packetgen: error: cannot write to standard output: {reason}", err=True)
                ctx.exit(2)
            if exc.filename is None:
                _internal(exc)
                ctx.exit(1)
            # a path the system refuses (a name over 255 bytes, a loop of links, no permission): the user's to fix
            name = str(exc.filename)
            shown = name if len(name) <= 100 else name[:60] + "…" + name[-30:]
            click.echo(f"packetgen: error: {shown}: {exc.strerror or exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("packetgen: interrupted", err=True)
            ctx.exit(130)
        except Terminated as exc:
            import signal

            click.echo(f"packetgen: stopped by {signal.Signals(exc.signum).name}; nothing was written", err=True)
            ctx.exit(128 + exc.signum)
        except Exception as exc:  # a bug: say so plainly
            _internal(exc)
            ctx.exit(1)


def _internal(exc: Exception) -> None:
    if os.environ.get("PACKETGEN_DEBUG"):
        raise exc
    click.echo(f"packetgen: internal error: {type(exc).__name__}: {exc}\n"
               "This is a bug in packetgen. Run again with PACKETGEN_DEBUG=1 for the details "
               "and report them.", err=True)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="packetgen")
def cli():
    """Turn a PM's evidence file into a gap-highlighted promotion packet.

    Typical use: `packetgen init --level ic4 -o me.yaml`, fill it in, then
    `packetgen check me.yaml`, `packetgen gaps me.yaml`, `packetgen render me.yaml -o packet.pdf`.
    """


def rendering_process() -> None:
    """A render allocates hundreds of thousands of small objects that live to the end; Python's
    collector would scan them again and again (11–20 % of a render). Freeze what is loaded and
    collect rarely: same output, same memory (bench/layout_bench.py)."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def about_to_render(fmt: str, engine: str = "weasyprint") -> None:
    """What every rendering command does once its options are sound: tune the process, and say in
    one line when WeasyPrint will write PDFs the slow way (no libharfbuzz-subset)."""
    from packetgen.commands.render import slow_subsetting

    rendering_process()
    if engine == "weasyprint" and slow_subsetting(fmt):
        click.echo("packetgen: note: libharfbuzz-subset is not installed, so fonts are subset by fontTools and "
                   "PDFs take about 20 % longer to write (Debian: apt-get install libharfbuzz-subset0)", err=True)
