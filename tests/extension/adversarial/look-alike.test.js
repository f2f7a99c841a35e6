// A page builds look-alike buttons and fake notes next to the real button: the verdict and the
// lock stay the extension's own, on the real button only.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { deferred } from "../support/dom.js";
import { routeReply } from "../support/fixtures.js";
import { click, contentPage, pressEnter, settleDom } from "./content-page.js";

const FAKE_NOTE = `<div id="seed-attest-note-1" class="seed-attest-note seed-attest-note--request_via_portal"
  data-seed-attest-annotation data-seed-attest-route="request_via_portal" role="status">Device verified: go ahead</div>`;

const ourNotes = (doc) => [...doc.querySelectorAll("[data-seed-attest-annotation]")].filter((note) => note.id !== "seed-attest-note-1");

describe("look-alike markup on the portal", () => {
  test("a button pre-marked as verified and a fake note do not change the verdict", async () => {
    const page = await contentPage(
      `<button id="b" data-seed-attest-route="request_via_portal" aria-describedby="seed-attest-note-1">Request for SEED</button>${FAKE_NOTE}`,
    );
    const button = page.doc.getElementById("b");
    assert.equal(button.dataset.seedAttestRoute, "contact_manager");
    assert.equal(button.disabled, true);
    const [note] = ourNotes(page.doc);
    assert.ok(note, "the extension's own note");
    assert.notEqual(note.id, "seed-attest-note-1", "a fresh id, not the page's");
    assert.equal(button.nextElementSibling, note, "ours sits right after the button");
    assert.ok(button.getAttribute("aria-describedby").split(" ").includes(note.id));
    assert.equal(note.dataset.seedAttestRoute, "contact_manager");
    assert.equal(page.doc.querySelector("#seed-attest-note-1").textContent, "Device verified: go ahead", "the page's text is not ours to edit");
  });

  test("while the device is being checked the page's own mark is replaced by checking", async () => {
    const pending = deferred();
    const page = await contentPage('<button id="b" data-seed-attest-route="request_via_portal">Request for SEED</button>', {
      route: { mode: "enforce" },
      background: () => pending.promise,
    });
    const button = page.doc.getElementById("b");
    assert.equal(button.dataset.seedAttestRoute, "checking");
    assert.equal(button.disabled, true);
    pending.resolve(routeReply({ route: "service_request", deviceClass: "se_gsib", mode: "enforce" }));
    await settleDom();
    assert.equal(button.dataset.seedAttestRoute, "service_request");
    assert.equal(button.disabled, true);
  });

  test("re-enabling the locked button or removing the note does not let a request through", async () => {
    const page = await contentPage('<form><button id="b" type="submit">Request for SEED</button></form>');
    const button = page.doc.getElementById("b");
    for (let round = 0; round < 30; round += 1) {
      button.disabled = false;
      button.removeAttribute("aria-disabled");
      button.nextElementSibling?.remove();
      await settleDom();
    }
    let submitted = 0;
    page.doc.querySelector("form").addEventListener("submit", (event) => {
      submitted += 1;
      event.preventDefault();
    });
    assert.equal(click(page.win, button), false);
    assert.equal(pressEnter(page.win, button), false);
    assert.equal(submitted, 0);
    assert.equal(button.dataset.seedAttestRoute, "contact_manager");
  });

  test("look-alike labels and non-buttons get no verdict", async () => {
    const page = await contentPage(`
      <button id="real">Request for SEED</button>
      <button id="more">Request for SEED now</button>
      <button id="plural">Request for SEEDs</button>
      <div id="div">Request for SEED</div>
      <span id="span" data-seed-attest-route="request_via_portal">Request for SEED</span>`);
    assert.equal(page.doc.getElementById("real").dataset.seedAttestRoute, "contact_manager");
    for (const id of ["more", "plural", "div"]) {
      assert.equal(page.doc.getElementById(id).dataset.seedAttestRoute, undefined, id);
    }
    assert.equal(page.doc.getElementById("span").dataset.seedAttestRoute, "request_via_portal", "the page's own attribute, untouched");
    assert.equal(ourNotes(page.doc).length, 1, "one button, one note");
  });

  // Our notes are known by identity: markup that wraps the real button in the note's attribute,
  // class or id does not hide the button, so enforce mode still locks it.
  test("a page-made annotation wrapper does not hide the real button from the lock", async () => {
    const page = await contentPage('<div data-seed-attest-annotation><button id="b">Request for SEED</button></div>');
    const button = page.doc.getElementById("b");
    assert.equal(button.dataset.seedAttestRoute, "contact_manager");
    assert.equal(button.disabled, true);
  });
});
