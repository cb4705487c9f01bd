#!/bin/sh
# `make run`: the demo of roost's main job (filled in as the engine lands).
set -eu
roost --help
