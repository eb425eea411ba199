"""Opens a page `newsgraph view` wrote in a real browser (Chromium, through Selenium) and uses it
as a person would: it loads from file:// without a console message or a network request, draws
every node of the graph, finds an entity typed in the search box, shows the evidence of a
relation clicked on, and hides the relations outside the dates the date filter is moved to.

tests/consumers/browser.rs runs it; run it by hand as

    python3 tests/consumers/browser_check.py graph.html graph.json --search Name=id \
        --edge 'source->target:key' --dates --screenshots DIR

Each check prints one line; a failure exits non-zero with what went wrong. Screenshots of each
step go to DIR (look at them).
"""

import argparse
import calendar
import json
import os
import pathlib
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# The flags Chromium needs to run headless as root in a container, with nothing of its own
# going to the network (no updates, no sync, no QUIC probing), and a proxy that goes nowhere,
# so that a request the page made could not succeed even if the policy let it out.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--proxy-server=127.0.0.1:9",
    "--window-size=1600,1000",
]


# Where a person would click an edge: zoomed to its ends, a point of it that no node, label or
# other edge covers (a straight line between two entities of a dense graph crosses others).
CLICK_POINT = """
const cy = window.newsgraph.cy;
const e = cy.getElementById(arguments[0]);
cy.elements().unselect();
cy.fit(e.connectedNodes(), 120);
const z = cy.zoom(), pan = cy.pan();
const rendered = (p) => ({ x: p.x * z + pan.x, y: p.y * z + pan.y });
const r = cy.container().getBoundingClientRect();
const curve = e.style("curve-style");
const straight = curve === "haystack" || curve === "straight";
const [a, b] = [rendered(e.sourceEndpoint()), rendered(e.targetEndpoint())];
const along = (t) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
const points = straight ? [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75].map(along) : [e.renderedMidpoint()];
const distance = (p, s, q) => {
  const dx = q.x - s.x, dy = q.y - s.y, l = dx * dx + dy * dy;
  const t = l ? Math.max(0, Math.min(1, ((p.x - s.x) * dx + (p.y - s.y) * dy) / l)) : 0;
  return Math.hypot(p.x - s.x - t * dx, p.y - s.y - t * dy);
};
const nodes = cy.nodes(":visible").map((n) => n.renderedBoundingBox({ includeLabels: true }));
const others = straight ? cy.edges(":visible").filter((o) => o.id() !== e.id()).map((o) => [rendered(o.sourceEndpoint()), rendered(o.targetEndpoint())]) : [];
const free = points.find((p) =>
  p.x > 5 && p.y > 5 && p.x < r.width - 5 && p.y < r.height - 5 &&
  !nodes.some((bb) => p.x >= bb.x1 - 4 && p.x <= bb.x2 + 4 && p.y >= bb.y1 - 4 && p.y <= bb.y2 + 4) &&
  !others.some(([s, q]) => distance(p, s, q) < 8));
const p = free || points[0];
return [p.x, p.y, r.width, r.height];
"""


def fail(message):
    sys.exit("browser check failed: " + message)


def check(condition, message):
    if not condition:
        fail(message)


def words(s):
    return " ".join(s.split())


def browser(profile):
    chromium = os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("NEWSGRAPH_CHROMEDRIVER") or shutil.which("chromedriver")
    check(chromium and driver, "chromium and chromedriver must be on the PATH")
    # Selenium must not look for drivers on the network either.
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS + ["--user-data-dir=" + profile]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


class Page:
    def __init__(self, driver, path, graph, shots):
        self.d = driver
        self.url = pathlib.Path(path).resolve().as_uri()
        self.graph = graph
        self.shots = shots
        self.step = 0

    def js(self, code, *args):
        return self.d.execute_script(code, *args)

    def shot(self, name):
        if self.shots:
            self.step += 1
            self.d.save_screenshot(os.path.join(self.shots, f"{self.step}-{name}.png"))

    def wait(self, what, condition, timeout=60):
        try:
            WebDriverWait(self.d, timeout, poll_frequency=0.1).until(lambda _: condition())
        except Exception:
            fail(f"timed out waiting for {what}")

    def quiet(self):
        """No console message and no request but the page itself, so far."""
        messages = [m for m in self.d.get_log("browser") if m["level"] in ("WARNING", "SEVERE")]
        check(not messages, f"console messages: {messages}")
        for entry in self.d.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
                # The browser's own pages (its start page) are not the page's requests.
                if url.startswith(("chrome:", "chrome-untrusted:", "chrome-search:", "about:")):
                    continue
                check(url == self.url or url.startswith(("data:", "blob:")), f"a network request: {url}")

    def load(self):
        # What the browser logged before (its blank start page) is not the page's.
        self.d.get_log("browser")
        self.d.get_log("performance")
        self.d.execute_cdp_cmd("Performance.enable", {})
        before = self.metric("ThreadTime")
        started = time.monotonic()
        self.d.get(self.url)
        self.wait("the page's script", lambda: self.js("return !!window.newsgraph"))
        seconds = time.monotonic() - started
        # CPU time of the page's main thread: what a loaded machine inflates least.
        cpu = self.metric("ThreadTime") - before
        self.quiet()
        print(f"ok loaded {self.url} in {seconds:.1f} s ({cpu:.1f} s main-thread CPU) without console messages or requests")
        return seconds

    def metric(self, name):
        metrics = self.d.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
        return next(m["value"] for m in metrics if m["name"] == name)

    def drawn(self):
        nodes, edges = len(self.graph["nodes"]), len(self.graph["edges"])
        shown = self.js(
            "const cy = window.newsgraph.cy;"
            "return [cy.nodes().filter((n) => n.visible()).length, cy.edges().filter((e) => e.visible()).length]"
        )
        check(shown == [nodes, edges], f"drawn {shown}, the graph has {[nodes, edges]}")
        # Every node inside the view, with a finite position.
        inside = self.js(
            "const cy = window.newsgraph.cy; const b = cy.nodes().boundingBox({ includeLabels: false });"
            "const e = cy.extent();"
            "return [b.x1, b.y1, b.x2, b.y2].every(Number.isFinite) && b.x1 >= e.x1 - 1 && b.y1 >= e.y1 - 1"
            " && b.x2 <= e.x2 + 1 && b.y2 <= e.y2 + 1"
        )
        check(inside, "nodes lie outside the view")
        counts = self.d.find_element(By.ID, "counts").text
        check(f"{nodes:,} of {nodes:,}" in counts, f"the counts say {counts!r}")
        self.shot("loaded")
        print(f"ok drawn: {nodes} nodes and {edges} edges, all in view; counts: {counts}")

    def shown_edges(self):
        return set(self.js("return window.newsgraph.cy.edges().filter((e) => e.visible()).map((e) => e.id())"))

    def settle(self, want):
        """Waits for the filters to show the edges `want` gives (a function of nothing, read
        again each time: the page applies a filter after the event that set it)."""
        try:
            WebDriverWait(self.d, 10, poll_frequency=0.1).until(
                lambda _: not self.js("return window.newsgraph.pending") and self.shown_edges() == want()
            )
        except Exception:
            pass
        return self.shown_edges()

    def selected(self, kind):
        return self.js(f"return window.newsgraph.cy.$('{kind}:selected').map((e) => e.id())")

    def search(self, name, want):
        box = self.d.find_element(By.ID, "search")
        box.clear()
        box.send_keys(name)
        self.wait("search matches", lambda: self.d.find_elements(By.CSS_SELECTOR, "#matches button"))
        self.shot("search-typed")
        box.send_keys(Keys.ENTER)
        self.wait(f"{want} selected", lambda: self.selected("node") == [want])
        label = next(n["label"] for n in self.graph["nodes"] if n["id"] == want)
        heading = self.d.find_element(By.CSS_SELECTOR, "#details h3").text
        check(heading == words(label), f"the details show {heading!r}, not {label!r}")
        relations = sum(want in (e["source"], e["target"]) for e in self.graph["edges"])
        listed = len(self.d.find_elements(By.CSS_SELECTOR, "#details ol li"))
        check(listed == relations, f"{listed} relations listed for {want}, the graph has {relations}")
        self.shot("search-selected")
        print(f"ok typing {name!r} selects {want}, which lists its {relations} relation(s)")

    def confidence(self):
        """Edges that carry a confidence get a filter: moving it hides the less confident."""
        box = self.d.find_element(By.ID, "confidence-filter")
        check(box.is_displayed(), "no confidence filter, though edges carry a confidence")
        slider = self.d.find_element(By.ID, "confidence")
        slider.send_keys(Keys.HOME, *[Keys.ARROW_RIGHT] * 10)
        least = 0.5

        def want():
            return {
                f"{e['source']}->{e['target']}:{e['key']}"
                for e in self.graph["edges"]
                if e.get("confidence", 1.0) >= least
            }

        shown = self.settle(want)
        value = float(slider.get_attribute("value"))
        check(abs(value - least) < 1e-9, f"the slider is at {value}")
        check(shown == want(), f"{len(shown)} edges shown, {len(want())} have a confidence of {least} or more")
        self.shot("confidence-moved")
        slider.send_keys(Keys.HOME)
        every = self.settle(lambda: {f"{e['source']}->{e['target']}:{e['key']}" for e in self.graph["edges"]})
        check(len(every) == len(self.graph["edges"]), "the confidence went back, not the edges")
        print(f"ok moving the confidence to {least} shows the {len(shown)} relations as sure or surer")

    def narrow_to(self, edge):
        """Shows only the edge's relation, stated at least as often: how a person finds one
        line in a dense graph."""
        for box in self.d.find_elements(By.CSS_SELECTOR, "#relation-types input"):
            if box.get_attribute("value") != edge["relation"] and box.is_selected():
                box.click()
        weight = self.d.find_element(By.ID, "weight")
        weight.send_keys(Keys.HOME, *[Keys.ARROW_RIGHT] * (edge["weight"] - 1))
        shown = len(self.settle(lambda: {
            f"{e['source']}->{e['target']}:{e['key']}"
            for e in self.graph["edges"]
            if e["relation"] == edge["relation"] and e["weight"] >= edge["weight"]
        }))
        self.shot("narrowed")
        print(f"ok narrowed to {edge['relation']} stated {edge['weight']}+ times: {shown} relations shown")

    def click_edge(self, edge_id, narrow):
        edge = next(e for e in self.graph["edges"] if f"{e['source']}->{e['target']}:{e['key']}" == edge_id)
        if narrow:
            self.narrow_to(edge)
        # Bring the edge into view as a person would zoom to it, then click its middle.
        self.wait("the view to settle", lambda: not self.js("return window.newsgraph.cy.animated()"))
        x, y, w, h = self.js(CLICK_POINT, edge_id)
        canvas = self.d.find_element(By.ID, "graph")
        ActionChains(self.d).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).click().perform()
        self.wait(f"{edge_id} selected", lambda: self.selected("edge") == [edge_id], timeout=10)
        details = words(self.d.find_element(By.ID, "details").text)
        sentence = words(edge["evidence"][0]["text"])
        check(sentence in details, f"the evidence sentence {sentence!r} is not shown: {details!r}")
        evidence = edge["evidence"][0]
        trigger = evidence.get("trigger")
        reason = edge.get("reason")
        if reason:
            check(words(reason) in details, f"the reason {reason!r} is not shown")
        if trigger:
            # Offsets are UTF-8 bytes into the document; the page must mark those bytes.
            sentence_bytes = evidence["text"].encode("utf-8")
            want = sentence_bytes[trigger["start"] - evidence["start"]:trigger["end"] - evidence["start"]]
            marked = self.d.find_element(By.CSS_SELECTOR, "#details .evidence mark").text
            check(marked == words(want.decode("utf-8")), f"{want!r} is marked as {marked!r}")
        self.shot("edge-clicked")
        print(f"ok a click on {edge_id} shows its evidence: {sentence[:60]!r}…")

    def move_dates(self):
        periods = {}

        def period(date):
            if date not in periods:
                parts = [int(p) for p in date.split("-")]
                if len(parts) == 3:
                    periods[date] = (date, date)
                elif len(parts) == 2:
                    day = calendar.monthrange(*parts)[1]
                    periods[date] = (f"{date}-01", f"{date}-{day:02d}")
                else:
                    periods[date] = (f"{date}-01-01", f"{date}-12-31")
            return periods[date]

        days = sorted({d for e in self.graph["edges"] for date in e.get("dates", {}) for d in period(date)})
        check(len(days) > 2, "the graph needs dates for the date filter")
        for slider, key, share in [("date-from", Keys.ARROW_RIGHT, 0.3), ("date-to", Keys.ARROW_LEFT, 0.8)]:
            element = self.d.find_element(By.ID, slider)
            width = element.size["width"]
            ActionChains(self.d).move_to_element_with_offset(element, int(width * (share - 0.5)), 0).click().perform()
            element.send_keys(key, key)
        def want():
            start, end = self.js("const s = window.newsgraph.state; return [s.from, s.to]")
            first, last = days[start], days[end]
            return {
                f"{e['source']}->{e['target']}:{e['key']}"
                for e in self.graph["edges"]
                if any(first <= period(d)[0] and period(d)[1] <= last for d in e.get("dates", {}))
            }

        shown = self.settle(want)
        start, end = self.js("const s = window.newsgraph.state; return [s.from, s.to]")
        first, last = days[start], days[end]
        check(0 < start < end < len(days) - 1, f"the sliders did not move: {start}, {end} of {len(days)}")
        check(shown == want(), f"{len(shown)} edges shown, {len(want())} have a statement from {first} to {last}")
        check(0 < len(shown) < len(self.graph["edges"]), "the date range should hide some edges and keep some")
        counts = self.d.find_element(By.ID, "counts").text
        self.shot("dates-moved")
        print(f"ok moving the dates to {first} … {last} shows the {len(shown)} relations stated then; {counts}")
        # Back to every date.
        self.d.find_element(By.ID, "date-from").send_keys(Keys.HOME)
        self.d.find_element(By.ID, "date-to").send_keys(Keys.END)
        every = self.settle(lambda: {f"{e['source']}->{e['target']}:{e['key']}" for e in self.graph["edges"]})
        check(len(every) == len(self.graph["edges"]), f"{len(every)} edges shown after the dates went back")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("graph")
    parser.add_argument("--search", help="NAME=ID: typing NAME must select ID")
    parser.add_argument("--edge", help="an edge id (source->target:key) to click")
    parser.add_argument("--narrow", action="store_true", help="filter down to the edge's relation before clicking")
    parser.add_argument("--dates", action="store_true", help="move the date filter")
    parser.add_argument("--confidence", action="store_true", help="move the confidence filter")
    parser.add_argument("--screenshots", help="a directory for a screenshot of every step")
    parser.add_argument("--picture", help="at the end, the whole graph with the edge still selected, as a PNG")
    parser.add_argument("--max-load-seconds", type=float, default=60)
    args = parser.parse_args()
    with open(args.graph, encoding="utf-8") as f:
        graph = json.load(f)
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    driver = browser(profile)
    try:
        page = Page(driver, args.page, graph, args.screenshots)
        seconds = page.load()
        check(seconds <= args.max_load_seconds, f"loading took {seconds:.1f} s")
        page.drawn()
        if args.search:
            name, want = args.search.split("=", 1)
            page.search(name, want)
        if args.dates:
            page.move_dates()
        if args.confidence:
            page.confidence()
        if args.edge:
            page.click_edge(args.edge, args.narrow)
        page.quiet()
        print("ok no console message and no network request at the end")
        if args.picture:
            page.js("window.newsgraph.cy.fit(undefined, 30)")
            driver.save_screenshot(args.picture)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
