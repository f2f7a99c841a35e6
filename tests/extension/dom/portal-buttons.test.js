import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { PortalButtons } from "../../../extension/src/content/portal-buttons.js";
import { SERVICE_REQUEST_URL } from "../../../extension/src/shared/constants.js";
import { click, deferred, openPage, settleDom } from "../support/dom.js";
import { routeReply } from "../support/fixtures.js";
import { t } from "../support/i18n.js";

const ROUTE_FOR_PAGE = {
  request_for_seed: routeReply(),
  onboard_device: routeReply({ route: "onboard_elsewhere", page: "onboard_device" }),
};

/** Starts PortalButtons on `win` with a background that answers `reply(page, refresh)`. */
function watch(win, { mode = "annotate", reply = (page) => ROUTE_FOR_PAGE[page] } = {}) {
  const asked = [];
  const buttons = new PortalButtons({
    doc: win.document,
    t,
    mode,
    askRoute: async (page, refresh) => {
      asked.push({ page, refresh });
      return reply(page, refresh);
    },
  });
  const started = buttons.start();
  return { buttons, asked, started };
}

const notes = (win) => [...win.document.querySelectorAll(".seed-attest-note")];

function noteOf(win, button) {
  const id = button.getAttribute("aria-describedby");
  return id ? win.document.getElementById(id.split(" ").pop()) : null;
}

describe("finding the buttons", () => {
  const shapes = [
    ["a button", '<button id="b">Request for SEED</button>'],
    ["a link", '<a id="b" href="/seed/request">Request for SEED</a>'],
    ["a role=button element", '<div id="b" role="button" tabindex="0">Request for SEED</div>'],
    ["a submit input", '<form><input id="b" type="submit" value="Request for SEED"></form>'],
    ["a button input", '<input id="b" type="button" value="Request for SEED">'],
  ];
  for (const [name, html] of shapes) {
    test(`annotates ${name}`, async () => {
      const win = openPage(`<main><h2>My Account</h2><div class="actions">${html}</div></main>`);
      const { asked } = watch(win);
      await settleDom();
      const button = win.document.getElementById("b");
      assert.equal(button.getAttribute("data-seed-attest-route"), "request_via_portal");
      const note = noteOf(win, button);
      assert.ok(note, "aria-describedby points at the note");
      assert.equal(note.getAttribute("role"), "status");
      assert.equal(note.previousElementSibling, button, "the note sits right after the button");
      assert.match(note.textContent, /Device verified/);
      assert.equal(notes(win).length, 1);
      assert.deepEqual(asked, [{ page: "request_for_seed", refresh: false }]);
    });
  }

  test("tolerates case, whitespace and inner markup", async () => {
    const win = openPage(`
      <button id="r">  request <b>FOR</b>
         <span class="icon"></span>seed </button>
      <a id="o" href="#"><span>Onboard</span>&nbsp;device to <em>SEED</em> ›</a>`);
    watch(win);
    await settleDom();
    assert.equal(win.document.getElementById("r").dataset.seedAttestRoute, "request_via_portal");
    assert.equal(win.document.getElementById("o").dataset.seedAttestRoute, "onboard_elsewhere");
  });

  test("keeps an existing aria-describedby", async () => {
    const win = openPage('<p id="help">Help text</p><button id="b" aria-describedby="help">Request for SEED</button>');
    watch(win);
    await settleDom();
    const ids = win.document.getElementById("b").getAttribute("aria-describedby").split(" ");
    assert.equal(ids[0], "help");
    assert.match(ids[1], /^seed-attest-note-\d+$/);
  });

  test("leaves other texts and elements alone", async () => {
    const win = openPage(`
      <a id="help" href="/docs">Request for SEED provisioning</a>
      <p id="para">Request for SEED</p>
      <button id="other">Request for something else</button>
      <h1>Onboard device to SEED</h1>`);
    const { asked } = watch(win);
    await settleDom();
    assert.equal(notes(win).length, 0);
    assert.equal(asked.length, 0);
    assert.equal(win.document.querySelectorAll("[data-seed-attest-route]").length, 0);
  });

  test("a button inside a link is annotated once, on the inner button", async () => {
    const win = openPage('<a id="outer" href="/seed"><button id="inner">Request for SEED</button></a>');
    watch(win);
    await settleDom();
    assert.equal(notes(win).length, 1);
    assert.equal(win.document.getElementById("inner").dataset.seedAttestRoute, "request_via_portal");
    assert.equal(win.document.getElementById("outer").hasAttribute("data-seed-attest-route"), false);
  });

  test("pages off the portal are untouched", async () => {
    for (const url of ["https://example.com/my-account", "http://portal.techpass.gov.sg/my-account", "https://portal.techpass.gov.sg.evil.example/"]) {
      const win = openPage('<button id="b">Request for SEED</button>', { url });
      const before = win.document.body.innerHTML;
      const { started, asked } = watch(win);
      await settleDom();
      win.document.body.insertAdjacentHTML("beforeend", '<button>Onboard device to SEED</button>');
      await settleDom();
      assert.equal(started, false, url);
      assert.equal(asked.length, 0, url);
      assert.equal(win.document.body.innerHTML, `${before}<button>Onboard device to SEED</button>`, url);
    }
  });
});

describe("a single-page app", () => {
  test("a button rendered late is annotated", async () => {
    const win = openPage('<div id="app"><p>Loading…</p></div>');
    const { asked } = watch(win);
    await settleDom();
    assert.equal(asked.length, 0);
    win.setTimeout(() => {
      win.document.getElementById("app").innerHTML = '<section><div><button id="b">Request for SEED</button></div></section>';
    }, 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settleDom();
    assert.equal(win.document.getElementById("b").dataset.seedAttestRoute, "request_via_portal");
    assert.equal(notes(win).length, 1);
  });

  test("a re-render replaces the annotation: one button, one note", async () => {
    const win = openPage('<div id="app"><button id="b">Request for SEED</button></div>');
    watch(win);
    await settleDom();
    for (let round = 0; round < 5; round += 1) {
      win.document.getElementById("app").innerHTML = `<button id="b">Request for SEED</button><span>${round}</span>`;
      await settleDom();
      assert.equal(notes(win).length, 1, `round ${round}`);
      const button = win.document.getElementById("b");
      assert.equal(noteOf(win, button).previousElementSibling, button);
    }
  });

  test("a button that goes away takes its note with it", async () => {
    const win = openPage('<div id="app"><button id="b">Request for SEED</button></div>');
    watch(win);
    await settleDom();
    win.document.getElementById("app").replaceChildren();
    await settleDom();
    assert.equal(notes(win).length, 0);
  });

  test("the same element relabelled is checked again for its new page state", async () => {
    const win = openPage('<button id="b">Request for SEED</button>');
    const { asked } = watch(win);
    await settleDom();
    const button = win.document.getElementById("b");
    button.textContent = "Onboard device to SEED";
    await settleDom();
    assert.deepEqual(asked.map((a) => a.page), ["request_for_seed", "onboard_device"]);
    assert.equal(button.dataset.seedAttestRoute, "onboard_elsewhere");
    assert.equal(notes(win).length, 1);
  });

  test("a relabelled button that is no longer ours loses every trace", async () => {
    const win = openPage('<button id="b" aria-describedby="x">Request for SEED</button><p id="x">x</p>');
    watch(win, { mode: "enforce" });
    await settleDom();
    const button = win.document.getElementById("b");
    button.textContent = "Cancel";
    await settleDom();
    assert.equal(notes(win).length, 0);
    assert.equal(button.hasAttribute("data-seed-attest-route"), false);
    assert.equal(button.getAttribute("aria-describedby"), "x");
  });

  test("a note the page removed next to a live button is put back", async () => {
    const win = openPage('<div id="row"><button id="b">Request for SEED</button></div>');
    watch(win);
    await settleDom();
    notes(win)[0].remove();
    await settleDom();
    assert.equal(notes(win).length, 1);
    assert.equal(notes(win)[0].previousElementSibling, win.document.getElementById("b"));
  });

  test("no work for unrelated mutations, nor for our own", async () => {
    const win = openPage('<p id="clock">10:00</p><ul id="feed"></ul><button id="b">Request for SEED</button>');
    const { buttons, asked } = watch(win);
    await settleDom();
    const batches = buttons.stats.mutationBatches;
    const clock = win.document.getElementById("clock");
    const feed = win.document.getElementById("feed");
    for (let i = 0; i < 20; i += 1) {
      clock.firstChild.nodeValue = `10:${String(i).padStart(2, "0")}`;
      feed.insertAdjacentHTML("beforeend", `<li><span>item ${i}</span></li>`);
      await settleDom();
    }
    notes(win)[0].querySelector("p").textContent = "changed inside our note";
    await settleDom();
    assert.equal(buttons.stats.mutationBatches, batches, "the observer did nothing");
    assert.equal(asked.length, 1);
    assert.equal(notes(win).length, 1);
  });
});

describe("annotation content", () => {
  test("route mark is `checking` until the verdict, then the route", async () => {
    const answer = deferred();
    const win = openPage('<button id="b">Request for SEED</button>');
    watch(win, { reply: () => answer.promise });
    await settleDom();
    const button = win.document.getElementById("b");
    assert.equal(button.dataset.seedAttestRoute, "checking");
    assert.match(noteOf(win, button).textContent, /Checking this device/);
    answer.resolve(routeReply({ route: "service_request", deviceClass: "se_gsib" }));
    await settleDom();
    assert.equal(button.dataset.seedAttestRoute, "service_request");
    const link = noteOf(win, button).querySelector("a");
    assert.equal(link.href, SERVICE_REQUEST_URL);
    assert.equal(link.target, "_blank");
    assert.equal(link.rel, "noopener noreferrer");
  });

  test("text from the host is text, never markup", async () => {
    const win = openPage('<button id="b">Onboard device to SEED</button>');
    watch(win, {
      reply: () =>
        routeReply({
          route: "onboard_device",
          page: "onboard_device",
          deviceClass: "internet_device",
          readiness: [{ check: "x", title: '<img src=x onerror="window.owned=1">', ok: false, detail: "<b>bold</b>" }],
        }),
    });
    await settleDom();
    const note = notes(win)[0];
    assert.equal(note.querySelector("img, b"), null);
    assert.match(note.textContent, /<img src=x onerror="window.owned=1">: not ready \(<b>bold<\/b>\)/);
    assert.equal(win.owned, undefined);
  });

  test("the TechPass ID on the page adds a mismatch note", async () => {
    const win = openPage('<header>Signed in as <span>dev.one@techpass.gov.sg</span></header><button id="b">Request for SEED</button>');
    watch(win);
    await settleDom();
    assert.match(notes(win)[0].querySelector(".seed-attest-note__hint").textContent, /vendor on an Internet device/);
  });

  test("Check again asks the background to re-check", async () => {
    const win = openPage('<button id="b">Request for SEED</button>');
    let helper = { available: false, reason: "not_installed", hostVersion: null, detail: null };
    const { asked } = watch(win, {
      reply: () => (helper.available ? routeReply() : routeReply({ route: "install_helper", deviceClass: null, decidedBy: null, helper })),
    });
    await settleDom();
    const retry = notes(win)[0].querySelector("button");
    assert.equal(retry.textContent, "Check again");
    helper = { available: true, reason: null, hostVersion: "0.1.0", detail: null };
    click(win, retry);
    await settleDom();
    assert.deepEqual(asked.at(-1), { page: "request_for_seed", refresh: true });
    assert.equal(win.document.getElementById("b").dataset.seedAttestRoute, "request_via_portal");
  });

  test("a background that fails or answers nonsense reads as the helper missing", async () => {
    for (const reply of [() => Promise.reject(new Error("Could not establish connection")), () => ({ ok: false, error: "internal" })]) {
      const win = openPage('<button id="b">Request for SEED</button>');
      watch(win, { reply });
      await settleDom();
      assert.equal(win.document.getElementById("b").dataset.seedAttestRoute, "install_helper");
    }
  });
});

describe("annotate mode", () => {
  for (const route of ["request_via_portal", "service_request", "contact_manager", "check_device", "install_helper"]) {
    test(`${route}: never disables, hides or blocks the portal's button`, async () => {
      const answer = deferred();
      const win = openPage('<form id="f"><button id="b" type="button">Request for SEED</button></form><a id="l" href="#x">Request for SEED</a>');
      const clicks = [];
      win.document.getElementById("b").addEventListener("click", () => clicks.push("button"));
      win.document.getElementById("l").addEventListener("click", () => clicks.push("link"));
      watch(win, { reply: () => answer.promise });
      await settleDom();
      const checks = () => {
        for (const id of ["b", "l"]) {
          const element = win.document.getElementById(id);
          assert.equal(element.disabled ?? false, false);
          assert.equal(element.hasAttribute("aria-disabled"), false);
          assert.equal(element.hidden, false);
          assert.equal(element.getAttribute("style"), null);
          assert.equal(click(win, element), true, "the click is not cancelled");
        }
      };
      checks(); // while checking
      answer.resolve(routeReply({ route, helper: route === "install_helper" ? { available: false, reason: "not_installed", hostVersion: null, detail: null } : routeReply().helper }));
      await settleDom();
      checks();
      assert.deepEqual(clicks, ["button", "link", "button", "link"]);
    });
  }
});

describe("enforce mode", () => {
  test("locks Request while checking and unlocks it for request_via_portal", async () => {
    const answer = deferred();
    const win = openPage('<button id="b">Request for SEED</button>');
    const clicks = [];
    const button = win.document.getElementById("b");
    button.addEventListener("click", () => clicks.push("page handler"));
    watch(win, { mode: "enforce", reply: () => answer.promise });
    await settleDom();
    assert.equal(button.disabled, true);
    assert.equal(button.getAttribute("aria-disabled"), "true");
    assert.match(noteOf(win, button).textContent, /Locked by your organisation until this device is checked/);
    answer.resolve(routeReply({ mode: "enforce" }));
    await settleDom();
    assert.equal(button.disabled, false);
    assert.equal(button.hasAttribute("aria-disabled"), false);
    assert.equal(click(win, button), true);
    assert.deepEqual(clicks, ["page handler"]);
  });

  for (const [route, why] of [
    ["contact_manager", /verified non-SE GSIB/],
    ["service_request", /verified non-SE GSIB/],
    ["check_device", /verified non-SE GSIB/],
    ["install_helper", /without the helper/],
  ]) {
    test(`keeps Request locked for ${route} and says why`, async () => {
      const win = openPage('<a id="b" href="#request">Request for SEED</a>');
      const clicks = [];
      const button = win.document.getElementById("b");
      button.addEventListener("click", () => clicks.push("page handler"));
      win.document.body.addEventListener("click", () => clicks.push("body handler"));
      const helper = route === "install_helper" ? { available: false, reason: "not_installed", hostVersion: null, detail: null } : routeReply().helper;
      watch(win, { mode: "enforce", reply: () => routeReply({ route, helper, mode: "enforce" }) });
      await settleDom();
      assert.equal(button.getAttribute("aria-disabled"), "true");
      assert.match(noteOf(win, button).querySelector(".seed-attest-note__lock").textContent, why);
      assert.equal(click(win, button), false, "the click is cancelled (no navigation)");
      const enter = new win.KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
      assert.equal(button.dispatchEvent(enter), false);
      assert.deepEqual(clicks, []);
    });
  }

  test("fails closed when the background cannot be reached", async () => {
    const win = openPage('<button id="b">Request for SEED</button>');
    watch(win, { mode: "enforce", reply: () => Promise.reject(new Error("Extension context invalidated.")) });
    await settleDom();
    const button = win.document.getElementById("b");
    assert.equal(button.disabled, true);
    assert.equal(button.dataset.seedAttestRoute, "install_helper");
  });

  test("a page that re-enables a locked button still cannot be clicked through", async () => {
    const win = openPage('<button id="b">Request for SEED</button>');
    const clicks = [];
    const button = win.document.getElementById("b");
    button.addEventListener("click", () => clicks.push("page handler"));
    watch(win, { mode: "enforce", reply: () => routeReply({ route: "contact_manager", mode: "enforce" }) });
    await settleDom();
    button.disabled = false;
    click(win, button);
    assert.deepEqual(clicks, []);
  });

  test("unlocking restores what the page had set", async () => {
    const answer = deferred();
    const win = openPage('<button id="b" aria-disabled="false">Request for SEED</button>');
    watch(win, { mode: "enforce", reply: () => answer.promise });
    await settleDom();
    answer.resolve(routeReply({ mode: "enforce" }));
    await settleDom();
    assert.equal(win.document.getElementById("b").getAttribute("aria-disabled"), "false");
  });

  test("the Onboard button is never locked", async () => {
    const win = openPage('<button id="b">Onboard device to SEED</button>');
    watch(win, { mode: "enforce", reply: () => routeReply({ route: "onboard_elsewhere", page: "onboard_device", mode: "enforce" }) });
    await settleDom();
    const button = win.document.getElementById("b");
    assert.equal(button.disabled, false);
    assert.equal(click(win, button), true);
  });

  test("enforce learnt after start locks at once, while checking and after the verdict", async () => {
    const answer = deferred();
    const win = openPage('<button id="checking">Request for SEED</button>');
    const { buttons } = watch(win, { reply: () => answer.promise });
    await settleDom();
    const button = win.document.getElementById("checking");
    assert.equal(button.disabled, false, "annotate until told otherwise");
    buttons.setMode("enforce");
    assert.equal(button.disabled, true);
    assert.match(noteOf(win, button).textContent, /until this device is checked/);
    answer.resolve(routeReply({ route: "contact_manager", mode: "annotate" }));
    await settleDom();
    assert.equal(button.disabled, true, "a slower source saying annotate does not unlock");
    assert.match(noteOf(win, button).textContent, /verified non-SE GSIB/);
  });

  test("enforce learnt after the background failed locks, failing closed", async () => {
    const win = openPage('<button id="b">Request for SEED</button>');
    const { buttons } = watch(win, { reply: () => ({ ok: false, error: "internal" }) });
    await settleDom();
    buttons.setMode("enforce");
    const button = win.document.getElementById("b");
    assert.equal(button.disabled, true);
    assert.equal(button.dataset.seedAttestRoute, "install_helper");
  });

  test("enforce learnt after an eligible verdict keeps the button usable", async () => {
    const win = openPage('<button id="b">Request for SEED</button>');
    const { buttons } = watch(win);
    await settleDom();
    buttons.setMode("enforce");
    const button = win.document.getElementById("b");
    assert.equal(button.disabled, false);
    assert.equal(button.dataset.seedAttestRoute, "request_via_portal");
    buttons.setMode("annotate");
    assert.equal(notes(win).length, 1);
  });

  test("enforce learnt from one button's reply locks the other Request buttons too", async () => {
    const first = deferred();
    const second = deferred();
    const win = openPage('<button id="one">Request for SEED</button><a id="two" href="#">Request for SEED</a>');
    const replies = [first, second];
    watch(win, { reply: () => replies.shift().promise });
    await settleDom();
    first.resolve(routeReply({ route: "contact_manager", mode: "annotate" }));
    await settleDom();
    assert.equal(win.document.getElementById("one").disabled, false);
    second.resolve(routeReply({ route: "contact_manager", mode: "enforce" }));
    await settleDom();
    assert.equal(win.document.getElementById("one").disabled, true);
    assert.equal(win.document.getElementById("two").getAttribute("aria-disabled"), "true");
  });

  test("the administrator's mode from the background wins over the first guess", async () => {
    const win = openPage('<button id="b">Request for SEED</button>');
    watch(win, { mode: "annotate", reply: () => routeReply({ route: "contact_manager", mode: "enforce" }) });
    await settleDom();
    assert.equal(win.document.getElementById("b").disabled, true);
  });
});
