() => {
  // Linking citations, passages and answer sentences in the page. Selecting a
  // citation chip or a passage marks that passage, the answer sentences that
  // cite it and their highlighted evidence; selecting a sentence marks its
  // passages. The panel is re-rendered by Gradio, so the selection is re-applied
  // whenever its content changes.
  const clear = () =>
    document.querySelectorAll(".is-active").forEach((el) => el.classList.remove("is-active"));
  const words = (value) => (value || "").split(" ").filter(Boolean);

  // Chips name their passage in a class (cite-ref-<turn>-<n>): the chat drops data-* attributes.
  const chipRef = (chip) =>
    [...chip.classList].find((name) => name.startsWith("cite-ref-")).slice("cite-ref-".length);

  const showPassage = (ref) => {
    clear();
    document
      .querySelectorAll(`.cite-ref-${ref}, [data-passage="${ref}"]`)
      .forEach((el) => el.classList.add("is-active"));
    const claims = [];
    document.querySelectorAll("[data-cites]").forEach((el) => {
      if (words(el.dataset.cites).includes(ref)) {
        el.classList.add("is-active");
        claims.push(el.dataset.claim);
      }
    });
    document.querySelectorAll(`[data-passage="${ref}"] mark.evidence`).forEach((mark) => {
      if (words(mark.dataset.claims).some((claim) => claims.includes(claim))) {
        mark.classList.add("is-active");
      }
    });
    const passage = document.querySelector(`[data-passage="${ref}"]`);
    if (passage) passage.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };

  const showClaim = (claim) => {
    clear();
    claim.classList.add("is-active");
    words(claim.dataset.cites).forEach((ref) => {
      document
        .querySelectorAll(`[data-passage="${ref}"], .cite-ref-${ref}`)
        .forEach((el) => el.classList.add("is-active"));
    });
    document.querySelectorAll("mark.evidence").forEach((mark) => {
      if (words(mark.dataset.claims).includes(claim.dataset.claim)) mark.classList.add("is-active");
    });
  };

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const chip = target.closest(".cite");
    if (chip) {
      window.assistantSelection = chipRef(chip);
      showPassage(window.assistantSelection);
      return;
    }
    const claim = target.closest("[data-claim]");
    if (claim) {
      window.assistantSelection = null;
      showClaim(claim);
      return;
    }
    const passage = target.closest("[data-passage]");
    if (passage) {
      window.assistantSelection = passage.dataset.passage;
      showPassage(passage.dataset.passage);
    }
  });

  // A citation chip reached with Tab opens its passage on Enter or Space, as a click does.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const chip = event.target instanceof Element ? event.target.closest(".cite") : null;
    if (!chip) return;
    event.preventDefault();
    window.assistantSelection = chipRef(chip);
    showPassage(window.assistantSelection);
  });

  // Opening a whole stored article shows the cited passage in it, not its first line.
  document.addEventListener(
    "toggle",
    (event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open) return;
      const mark = details.querySelector("mark.in-article");
      const box = details.querySelector(".article-text");
      if (mark && box) box.scrollTop = mark.offsetTop - box.offsetTop - 40;
    },
    true,
  );

  const watch = () => {
    const panel = document.getElementById("passages-panel");
    if (!panel) return setTimeout(watch, 300);
    new MutationObserver(() => {
      const ref = window.assistantSelection;
      if (ref && document.querySelector(`[data-passage="${ref}"]`)) showPassage(ref);
    }).observe(panel, { childList: true, subtree: true });
  };
  watch();

  // On a phone the conversations sidebar covers the whole page: it starts closed there,
  // and closes again once a conversation is picked.
  const narrow = () => window.matchMedia("(max-width: 768px)").matches;
  const closeSidebar = () => {
    const open = document.querySelector(".sidebar.open .toggle-button");
    if (open && narrow()) open.click();
  };
  const closeOnLoad = (tries = 0) => {
    if (document.querySelector(".sidebar")) return closeSidebar();
    if (tries < 50) setTimeout(() => closeOnLoad(tries + 1), 200);
  };
  closeOnLoad();
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest("#chat-list label, #chat-list input")) setTimeout(closeSidebar, 300);
  });

  // The chat labels each message for screen readers with its raw content, markup and all
  // ("<span class=…>"): the label is made what a sighted reader sees instead.
  const MESSAGE = "'s message: ";
  const readable = () => {
    document.querySelectorAll(`#chat [aria-label*="${MESSAGE}"]`).forEach((message) => {
      const label = message.getAttribute("aria-label");
      const shown = message.innerText.replace(/\s+/g, " ").trim();
      const wanted = label.slice(0, label.indexOf(MESSAGE) + MESSAGE.length) + shown;
      if (label !== wanted) message.setAttribute("aria-label", wanted);
    });
  };
  const watchChat = () => {
    const chat = document.getElementById("chat");
    if (!chat) return setTimeout(watchChat, 300);
    new MutationObserver(readable).observe(chat, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: ["aria-label"],
    });
    readable();
  };
  watchChat();
}
