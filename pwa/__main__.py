"""Named tasks: `python -m pwa serve | build OUT [--port 8080] | i18n extract|update|check | directory ... | events ... | materials ... | admin ...`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args.pop(0) if args else "help"
    if command == "serve":
        from pwa import serve

        serve.main()
        return 0
    if command == "build":
        from pwa import build

        return build.main(args)
    if command == "i18n":
        from pwa import catalogue

        task = args[0] if args else ""
        if task == "extract":
            changed = catalogue.extract()
            print("locales/messages.pot updated" if changed else "locales/messages.pot is current")
            return 0
        if task == "update":
            catalogue.extract()
            written = catalogue.update()
            print("updated: " + (", ".join(written) if written else "nothing to change"))
            return 0
        if task == "check":
            ok, report = catalogue.check()
            print(report)
            return 0 if ok else 1
        print("usage: python -m pwa i18n extract|update|check", file=sys.stderr)
        return 2
    if command in ("directory", "events", "materials"):
        from pwa import maintainers

        return maintainers.main(command, args)
    if command == "admin":
        from pwa.desk import users

        return users.main(args)
    print(__doc__)
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main())
