"""The real batch extractor, except that the worker process dies (os._exit, as a crash in
native code or the OOM killer would end it) on an article containing CRASH_MARK. Used to test
that `warta batch` survives dead workers and loses no neighbouring article."""
import os

CRASH_MARK = "[[mati]]"


def crashing_extractor():
    from warta.batch import pipeline_extractor

    real = pipeline_extractor()

    def process(items):
        if any(CRASH_MARK in it["text"] for it in items):
            os._exit(3)
        return real(items)

    return process
