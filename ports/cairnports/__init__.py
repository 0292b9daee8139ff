"""Cairn's ports tool: builds third-party programs from Debian's sources into
staged trees and .cpkg packages. ports.py is the command line; each module
here holds one step (recipe, fetch, source, build, package, install)."""
