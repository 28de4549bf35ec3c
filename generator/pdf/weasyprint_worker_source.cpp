// The Python program of a WeasyPrint worker (pdf/weasyprint_worker.h), run as `python3 -c`.
//
// Messages both ways are a 4-byte big-endian length and UTF-8 JSON. The first request is the
// set-up {"stylesheet": CSS}; each next one a document {"output", "epoch", "variant", "files",
// "parts": [{"html", "base_url"}]}. Every request is answered {"ok": true} or {"ok": false,
// "error": text}. The parts (the body, then each appendix) are laid out one by one, so each
// numbers its pages from 1, and written as one PDF. A MemoryError ends the worker: after it the
// process may be in any state.
#include "pdf/weasyprint_worker.h"

namespace vanban {

const char* const kWeasyPrintWorkerSource = R"PY(
import gc, json, logging, os, struct, sys, urllib.parse

requests = sys.stdin.buffer
answers = os.fdopen(os.dup(1), 'wb')
os.dup2(2, 1)  # what a library prints goes to stderr, never into the answers


def read():
    head = requests.read(4)
    if len(head) < 4:
        return None
    size = struct.unpack('>I', head)[0]
    body = requests.read(size)
    return json.loads(body.decode('utf-8')) if len(body) == size else None


def answer(**fields):
    body = json.dumps(fields).encode('utf-8')
    answers.write(struct.pack('>I', len(body)) + body)
    answers.flush()


def fetcher(allowed):
    # Only the files vanban names for this document, read here: nothing from the network.
    def fetch(url, timeout=10, ssl_context=None):
        parts = urllib.parse.urlsplit(url)
        path = urllib.parse.unquote(parts.path)
        if parts.scheme == 'file' and parts.netloc in ('', 'localhost') and path in allowed:
            with open(path, 'rb') as f:
                return {'string': f.read(), 'redirected_url': url}
        raise ValueError('vanban does not let WeasyPrint open ' + url)
    return fetch


def main():
    setup = read()
    if setup is None:
        return
    # WeasyPrint opens each of its libraries by its Windows name first ("gobject-2.0-0"); for a name
    # the linker's cache lacks, ctypes goes on to run gcc and ld to look for it: a third of a
    # worker's start (0.13 s of 0.41). Those names are looked up in the cache alone.
    import ctypes.util
    in_cache = getattr(ctypes.util, '_findSoname_ldconfig', None)
    if in_cache is not None:
        find_library = ctypes.util.find_library
        def find_in_cache_first(name):
            found = in_cache(name)
            if found or name.endswith(('-0', '-1', '.dll', '.dylib')):
                return found
            return find_library(name)
        ctypes.util.find_library = find_in_cache_first
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration
    for name in ('weasyprint', 'weasyprint.progress'):
        logger = logging.getLogger(name)
        logger.handlers[:] = [logging.NullHandler()]
        logger.propagate = False
        logger.setLevel(logging.CRITICAL + 1)
    # When it saves a subset font, fontTools recomputes the bounding box of every glyph slot
    # (all of them: WeasyPrint keeps the glyph ids): a third of a PDF's font work, for boxes a
    # subset never changes. The font's own boxes are kept instead.
    from weasyprint.pdf import stream
    clean = getattr(stream.Font, 'clean', None)
    if clean is not None:
        def clean_keeping_boxes(font, cmap):
            if getattr(font, 'ttfont', None) is not None:
                font.ttfont.recalcBBoxes = False
            clean(font, cmap)
        stream.Font.clean = clean_keeping_boxes
    fonts = FontConfiguration()
    stylesheet = weasyprint.CSS(string=setup['stylesheet'], font_config=fonts)
    # A document's layout makes millions of short-lived objects: the collector runs less often,
    # and never again walks what WeasyPrint loaded once.
    gc.freeze()
    gc.set_threshold(50000, 20, 100)
    answer(ok=True)
    while True:
        request = read()
        if request is None:
            return
        try:
            os.environ['SOURCE_DATE_EPOCH'] = request['epoch']  # fontTools dates the subset fonts
            fetch = fetcher(set(request['files']))
            documents = [
                weasyprint.HTML(string=part['html'], base_url=part['base_url'], url_fetcher=fetch).render(
                    stylesheets=[stylesheet], presentational_hints=True, font_config=fonts)
                for part in request['parts']]
            pages = [page for document in documents for page in document.pages]
            documents[0].copy(pages).write_pdf(request['output'], variant=request.get('variant') or None)
            del documents, pages
            answer(ok=True)
        except MemoryError:
            os.write(2, b'MemoryError\n')
            os._exit(1)
        except Exception as e:
            answer(ok=False, error=(type(e).__name__ + ': ' + str(e))[:400])


main()
)PY";

}  // namespace vanban
