"""Start the app: `python server.py` (HOST and PORT from the environment, default 127.0.0.1:8000)."""

from pwa.serve import main

if __name__ == "__main__":
    main()
