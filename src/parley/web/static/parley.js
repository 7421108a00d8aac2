// Parley web client: the live conversation over the WebSocket, the composer, keyboard
// shortcuts. Plain JavaScript, no build step, no inline script (the CSP forbids it).
// Everything here enhances pages that already work as plain forms and links.

document.documentElement.classList.add('js');
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const csrf = () => $('meta[name="csrf-token"]')?.content || '';

function randomId() {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return ((BigInt(words[0] & 0x7fffffff) << 32n) | BigInt(words[1])).toString();
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

const refreshChatList = debounce(() => document.body.dispatchEvent(new CustomEvent('parley:chats')), 150);

// ---- small page helpers --------------------------------------------------------------
document.addEventListener('click', (e) => {
  const dismiss = e.target.closest('[data-dismiss]');
  if (dismiss) { dismiss.closest('.flash')?.remove(); return; }
  const back = e.target.closest('[data-back]');
  if (back && history.length > 1) { e.preventDefault(); history.back(); return; }
  const copy = e.target.closest('[data-copy]');
  if (copy) {
    const text = document.getElementById(copy.dataset.copy)?.textContent || '';
    navigator.clipboard?.writeText(text).then(() => { copy.textContent = 'Copied'; });
    return;
  }
  // A click outside an open message menu closes it.
  for (const open of $$('details.msg-actions[open]')) {
    if (!open.contains(e.target)) open.open = false;
  }
});

document.addEventListener('htmx:afterSwap', (e) => {
  $('[data-autofocus]', e.detail.elt.parentNode || document)?.focus();
});

// ---- the conversation ----------------------------------------------------------------
const conv = $('#conversation');
const list = $('#messages');
const composer = $('#composer');

function nearBottom() {
  return !list || list.scrollHeight - list.scrollTop - list.clientHeight < 120;
}

function scrollToEnd() { if (list) list.scrollTop = list.scrollHeight; }

function messageNodes() { return $$(':scope > li.msg', list); }

function lastId() {
  const ids = messageNodes().map((li) => Number(li.dataset.id));
  return ids.length ? Math.max(...ids) : 0;
}

// Put a rendered message where its id belongs (sends and live events may arrive in any
// order), replacing an older rendering of it.
function placeMessage(html) {
  if (!list) return null;
  const box = document.createElement('template');
  box.innerHTML = html.trim();
  const li = box.content.querySelector('li.msg');
  if (!li) return null;
  const existing = document.getElementById(li.id);
  if (existing) {
    if (existing.classList.contains('editing')) return existing;  // don't drop what's being typed
    existing.replaceWith(li);
  } else {
    const id = Number(li.dataset.id);
    const stick = nearBottom() || li.dataset.mine;
    const after = messageNodes().reverse().find((n) => Number(n.dataset.id) < id);
    if (after) after.after(li); else list.append(li);
    if (stick) scrollToEnd();
  }
  if (window.htmx) window.htmx.process(li);
  return li;
}

async function fetchMessage(chatId, messageId) {
  const r = await fetch(`/chats/${chatId}/messages/${messageId}`, { headers: { 'HX-Request': 'true' } });
  if (!r.ok) return;
  const html = await r.text();
  if (html.trim()) placeMessage(html);
  else document.getElementById(`m-${messageId}`)?.remove();
  markRead();
}

function resetComposer() {
  composer.reset();
  composer.elements.random_id.value = randomId();
  cancelReply();
}

function startReply(link) {
  if (!composer) return;
  composer.elements.reply_to_id.value = link.dataset.reply;
  const box = $('.replying', composer);
  $('[data-reply-name]', box).textContent = link.dataset.replyName;
  $('[data-reply-text]', box).textContent = link.dataset.replyText;
  box.hidden = false;
  composer.elements.text.focus();
}

function cancelReply() {
  if (!composer) return;
  composer.elements.reply_to_id.value = '';
  $('.replying', composer).hidden = true;
}

if (conv && list) {
  const target = location.hash.startsWith('#m-') && document.getElementById(location.hash.slice(1));
  if (target) target.scrollIntoView({ block: 'center' }); else scrollToEnd();

  conv.addEventListener('click', (e) => {
    // A quoted or pinned message already on the page: scroll to it instead of reloading.
    const jump = e.target.closest('[data-jump]');
    const shown = jump && document.getElementById(`m-${jump.dataset.jump}`);
    if (shown) {
      e.preventDefault();
      shown.scrollIntoView({ block: 'center' });
      shown.classList.add('flash-target');
      setTimeout(() => shown.classList.remove('flash-target'), 1600);
      return;
    }
    const reply = e.target.closest('[data-reply]');
    if (reply && composer) {
      e.preventDefault();
      reply.closest('details').open = false;
      startReply(reply);
    }
  });
}

if (composer) {
  const text = composer.elements.text;
  composer.addEventListener('htmx:afterRequest', (e) => {
    if (e.detail.elt !== composer) return;
    if (e.detail.successful) {
      placeMessage(e.detail.xhr.responseText);
      resetComposer();
      scrollToEnd();
      text.focus();
    }
  });
  $('[data-cancel-reply]', composer)?.addEventListener('click', (e) => { e.preventDefault(); cancelReply(); text.focus(); });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (text.value.trim()) composer.requestSubmit();
    } else if (e.key === 'ArrowUp' && !text.value) {
      const mine = messageNodes().filter((li) => li.dataset.mine).pop();
      const edit = mine && $('a[hx-get$="/edit"]', mine);
      if (edit) { e.preventDefault(); edit.click(); }
    }
  });
  text.addEventListener('input', () => {
    text.style.height = 'auto';
    text.style.height = `${Math.min(text.scrollHeight, 240)}px`;
  });
}

const attach = $('#attach');
if (attach) {
  attach.elements.file.addEventListener('change', () => {
    if (attach.elements.file.files.length) attach.requestSubmit();
  });
  attach.addEventListener('htmx:afterRequest', (e) => {
    if (e.detail.elt !== attach || !e.detail.successful) return;
    placeMessage(e.detail.xhr.responseText);
    attach.reset();
    attach.elements.random_id.value = randomId();
    scrollToEnd();
  });
}

// ---- live updates --------------------------------------------------------------------
// Each chat has its own event counter, pts. The page was drawn at data-pts; an event with the
// next pts is applied, an older one ignored; a gap (or a reconnect) fetches the difference
// since the pts we hold, and a difference too long to replay reloads the page.
const chatId = conv ? Number(conv.dataset.chatId) : null;
let pts = conv ? Number(conv.dataset.pts) : 0;
let catchingUp = false;
let held = [];
let socket = null;
let retry = 500;

function applyEvent(ev) {
  const data = ev.data || {};
  switch (ev.kind) {
    case 'message.new':
      // A page of older history is not where new messages go; "Jump to the latest" is.
      if (conv.dataset.newest === '1') fetchMessage(chatId, data.message_id);
      break;
    case 'message.edit':
    case 'message.visibility':
      fetchMessage(chatId, data.message_id);
      // Replies quoting it show its new form too.
      for (const quote of $$(`.reply-quote[data-jump="${data.message_id}"]`, list)) {
        const li = quote.closest('li.msg');
        if (li) fetchMessage(chatId, Number(li.dataset.id));
      }
      break;
    case 'message.pin':
      fetchMessage(chatId, data.message_id);
      document.body.dispatchEvent(new CustomEvent('parley:pinned'));
      break;
    case 'message.delete':
      for (const id of data.message_ids || []) document.getElementById(`m-${id}`)?.remove();
      break;
    default:
      break;
  }
}

async function catchUp() {
  if (catchingUp || chatId === null) return;
  catchingUp = true;
  try {
    for (;;) {
      const r = await fetch(`/api/v1/updates?pts=${chatId}:${pts}&limit=100`, { credentials: 'same-origin' });
      if (!r.ok) { if (r.status === 401) location.reload(); return; }
      const diff = await r.json();
      const mine = (diff.chats || []).find((c) => c.chat_id === chatId);
      if (!mine) {
        if ((diff.not_member || []).includes(chatId) && !conv.querySelector('.join-bar')) location.reload();
        break;
      }
      if (mine.too_long) { location.reload(); return; }
      for (const ev of mine.events) if (ev.pts > pts) { applyEvent(ev); pts = ev.pts; }
      pts = Math.max(pts, mine.pts);
      if (mine.events.length < 100) break;
    }
  } finally {
    catchingUp = false;
  }
  const waiting = held.sort((a, b) => a.pts - b.pts);
  held = [];
  for (const ev of waiting) onChatEvent(ev);
}

function onChatEvent(ev) {
  if (ev.chat_id !== chatId) { refreshChatList(); return; }
  refreshChatList();
  if (catchingUp) { held.push(ev); return; }
  if (ev.pts <= pts) return;
  if (ev.pts > pts + 1) { held.push(ev); catchUp(); return; }
  pts = ev.pts;
  applyEvent(ev);
}

function onFrame(frame) {
  if (frame.type === 'ready') {
    retry = 500;
    const state = (frame.chats || []).find((c) => c.chat_id === chatId);
    if (state && state.pts > pts) catchUp();
    // Anything that happened between drawing the page and this socket's start shows as a
    // newer pts than the chat list was drawn with.
    const drawn = new Map($$('#chat-list a.dialog').map((a) => [Number(a.dataset.chatId), Number(a.dataset.pts)]));
    if ((frame.chats || []).some((c) => !drawn.has(c.chat_id) || c.pts > drawn.get(c.chat_id))) refreshChatList();
    document.documentElement.dataset.live = 'ready';
    markRead();
  } else if (frame.type === 'chat_event') {
    onChatEvent(frame);
  } else if (frame.type === 'user_event') {
    if (frame.kind === 'session.revoked') location.reload();
    else refreshChatList();
  }
}

const markRead = debounce(() => {
  if (chatId === null || document.visibilityState !== 'visible') return;
  const max = lastId();
  if (max && socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ op: 'read', req: `r${max}`, chat_id: chatId, max_id: max }));
  }
}, 300);

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/api/v1/updates/ws`);
  socket.addEventListener('message', (e) => {
    let data;
    try { data = JSON.parse(e.data); } catch { return; }
    for (const frame of Array.isArray(data) ? data : [data]) onFrame(frame);
  });
  socket.addEventListener('close', (e) => {
    if (e.code === 4001) return;  // signed out or revoked: the next page load asks to sign in
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 15000);
  });
  document.documentElement.dataset.live = 'connecting';
}

if (document.body.classList.contains('app')) {
  connect();
  document.addEventListener('visibilitychange', markRead);
}

// ---- keyboard shortcuts --------------------------------------------------------------
document.addEventListener('keydown', (e) => {
  const typing = e.target.closest('input, textarea, select, [contenteditable]');
  if (e.key === 'Escape') {
    const editing = e.target.closest('.edit-form');
    if (editing) { e.preventDefault(); $('[data-cancel-edit]', editing)?.click(); composer?.elements.text.focus(); return; }
    const menu = $('details.msg-actions[open]');
    if (menu) { menu.open = false; $('summary', menu).focus(); return; }
    if (composer && composer.elements.reply_to_id.value) { cancelReply(); return; }
  }
  if (e.key === '/' && !typing) {
    const search = $('#search-input');
    if (search) { e.preventDefault(); search.focus(); }
  }
  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
    const links = $$('#chat-list a.dialog');
    if (!links.length) return;
    const at = links.findIndex((a) => a.classList.contains('active'));
    const next = e.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
    if (next !== at && links[next]) { e.preventDefault(); location.href = links[next].href; }
  }
});

export { placeMessage, randomId, csrf };
