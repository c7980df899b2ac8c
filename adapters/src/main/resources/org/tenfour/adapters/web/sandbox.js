// The TenFour sandbox page: plays a seeded person against the real product through /sandbox/api.
// Plain JavaScript on purpose (no build step). State lives on the server; the page reloads it
// whenever the live stream says something changed.
(function () {
  'use strict';
  const api = '/sandbox/api';
  const $ = (id) => document.getElementById(id);
  const state = {
    directory: null, me: null, conversationId: null, conversations: [], now: null,
    errors: {},      // person|conversation -> [{after, html}]: refusals of the page's own requests
    seen: {},        // conversationId -> messages count already looked at
    form: null, stream: null, returnFocus: null, opener: null
  };

  // ---------- text rendering ----------
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function personName(id) {
    const p = state.directory.people.find((x) => x.userId === id);
    return p ? p.displayName : id;
  }
  function channelName(id) {
    const c = state.directory.channels.find((x) => x.channelId === id);
    return c ? c.name : id;
  }
  function rich(text) {
    let html = escapeHtml(text);
    html = html.replace(/&lt;@([A-Za-z0-9:_.\-]+)(?:\|[^&]*)?&gt;/g, (m, id) => '<span class="mention">@' + escapeHtml(personName(id)) + '</span>');
    html = html.replace(/&lt;#([A-Za-z0-9]+)(?:\|[^&]*)?&gt;/g, (m, id) => '<span class="mention">#' + escapeHtml(channelName(id)) + '</span>');
    html = html.replace(/&lt;!subteam\^([A-Za-z0-9]+)(?:\|[^&]*)?&gt;/g, (m, id) => '<span class="mention">@' + escapeHtml(id) + '</span>');
    html = html.replace(/`([^`]+)`/g, '<code>$1</code>');
    html = html.replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>');
    return html.replace(/\n/g, '<br>');
  }
  function when(iso) {
    const zone = state.me ? state.me.timeZone : 'UTC';
    return new Date(iso).toLocaleString('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  // ---------- HTTP ----------
  async function call(path, body) {
    const res = await fetch(api + path, body === undefined ? {} : {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      throw new Error(data.reason || ('HTTP ' + res.status));
    }
    return data;
  }

  // ---------- identity and conversations ----------
  async function start() {
    state.directory = await call('/directory');
    state.now = state.directory.now;
    const select = $('identity');
    for (const w of state.directory.workspaces) {
      const group = document.createElement('optgroup');
      group.label = w.name;
      for (const p of state.directory.people.filter((x) => x.workspaceId === w.workspaceId)) {
        const o = document.createElement('option');
        o.value = p.userId;
        o.textContent = p.displayName + ' — ' + p.role;
        group.appendChild(o);
      }
      select.appendChild(group);
    }
    const wanted = new URLSearchParams(location.search).get('as');
    select.value = state.directory.people.some((p) => p.userId === wanted) ? wanted : state.directory.people[0].userId;
    select.addEventListener('change', () => become(select.value));
    $('composer').addEventListener('submit', (e) => { e.preventDefault(); send(); });
    $('ff-go').addEventListener('click', fastForward);
    $('form-cancel').addEventListener('click', closeForm);
    $('form-panel').addEventListener('submit', (e) => { e.preventDefault(); submitForm(); });
    $('form-overlay').addEventListener('keydown', dialogKeys);
    const list = $('commands');
    for (const c of state.directory.commands || []) {
      const o = document.createElement('option');
      o.value = c;
      list.appendChild(o);
    }
    await become(select.value);
  }

  async function become(userId) {
    state.me = state.directory.people.find((p) => p.userId === userId);
    state.conversationId = 'dm-' + userId;
    state.seen = {};
    closeForm();
    const agency = state.directory.workspaces.find((w) => w.workspaceId === state.me.workspaceId);
    $('identity-note').textContent = agency.name + ' · ' + state.me.role + ' · ' + state.me.timeZone;
    const others = state.directory.people.filter((p) => p.workspaceId === state.me.workspaceId && p.userId !== userId);
    const chans = state.directory.channels.filter((c) => c.workspaceId === state.me.workspaceId);
    $('composer-hint').innerHTML = 'Mention people as ' + others.map((p) => '<code>@' + escapeHtml(p.handle) + '</code>').join(' ')
      + (chans.length ? ' and channels as ' + chans.map((c) => '<code>#' + escapeHtml(c.name) + '</code>').join(' ') : '') + '.';
    const url = new URL(location.href);
    url.searchParams.set('as', userId);
    history.replaceState(null, '', url);
    connect();
    await reload();
  }

  function connect() {
    if (state.stream) {
      state.stream.close();
    }
    const stream = new EventSource(api + '/live?user=' + encodeURIComponent(state.me.userId));
    stream.addEventListener('hello', () => reload());
    stream.addEventListener('message', () => reload());
    stream.addEventListener('time', (e) => { state.now = e.data; renderClock(); reload(); });
    stream.addEventListener('form', (e) => openForm(JSON.parse(e.data), {}));
    state.stream = stream;
  }

  async function reload() {
    const me = state.me.userId;
    const data = await call('/conversations?user=' + encodeURIComponent(me));
    if (!state.me || state.me.userId !== me) {
      return; // switched person while loading
    }
    state.now = data.now;
    state.conversations = data.conversations;
    render();
  }

  // ---------- rendering ----------
  function render() {
    renderClock();
    const nav = $('conversations');
    nav.innerHTML = '';
    for (const c of state.conversations) {
      if (c.id === state.conversationId) {
        state.seen[c.id] = c.messages.length;
      }
      const unread = c.messages.length - (state.seen[c.id] || 0);
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'conv' + (c.id === state.conversationId ? ' active' : '');
      b.dataset.conversation = c.id;
      b.innerHTML = '<span>' + escapeHtml(c.title) + '</span>' + (unread > 0 ? '<span class="badge">' + unread + '</span>' : '');
      b.addEventListener('click', () => { state.conversationId = c.id; render(); });
      nav.appendChild(b);
    }
    const current = state.conversations.find((c) => c.id === state.conversationId);
    $('conversation-title').textContent = current ? current.title : '';
    $('messages').dataset.conversation = state.conversationId;
    const box = $('messages');
    box.innerHTML = '';
    const lines = state.errors[key()] || [];
    const messages = current ? current.messages : [];
    for (let i = 0; i <= messages.length; i++) {
      lines.filter((l) => l.after === i).forEach((l) => box.appendChild(errorLine(l)));
      if (i < messages.length) {
        box.appendChild(messageView(messages[i]));
      }
    }
    box.scrollTop = box.scrollHeight;
    // images load after the first layout: keep the newest message in view once they have
    box.querySelectorAll('.file-image img').forEach((img) => {
      if (!img.complete) {
        img.addEventListener('load', () => { box.scrollTop = box.scrollHeight; }, { once: true });
      }
    });
  }

  function renderClock() {
    if (state.now && state.me) {
      $('sandbox-now').textContent = when(state.now);
    }
  }

  // A message: TenFour's (to everyone here, or a private reply only you see, buttons and all),
  // what you typed (only you see it), or the sandbox guide's first hint.
  function messageView(m) {
    const div = document.createElement('div');
    const typed = m.author === 'PERSON';
    div.className = 'message' + (m.author === 'GUIDE' ? ' guide' : m.onlyYou ? (typed ? ' ephemeral typed' : ' ephemeral reply') : '');
    div.dataset.messageId = m.id;
    const author = typed ? 'You' : m.author === 'GUIDE' ? 'Sandbox guide' : 'TenFour';
    const text = typed && m.text.startsWith('/') ? '<code>' + escapeHtml(m.text) + '</code>' : rich(m.text);
    div.innerHTML = '<div class="meta"><span class="author">' + author + '</span><time>' + escapeHtml(when(m.at)) + '</time>'
      + (m.onlyYou && !typed && m.author !== 'GUIDE' ? ' <span class="only-you">Only visible to you</span>' : '')
      + (m.edited ? ' <span class="edited">(edited)</span>' : '') + '</div>'
      + '<div class="text">' + text + '</div>'
      + (m.notes.length ? '<ul class="notes">' + m.notes.map((n) => '<li>' + rich(n) + '</li>').join('') + '</ul>' : '')
      + (m.file ? fileView(m) : '');
    if (m.buttons.length) {
      const row = document.createElement('div');
      row.className = 'buttons';
      for (const b of m.buttons) {
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.className = 'style-' + b.style.toLowerCase();
        btn.textContent = b.label;
        btn.dataset.action = b.actionId;
        btn.addEventListener('click', () => press(m, b, btn));
        row.appendChild(btn);
      }
      div.appendChild(row);
    }
    return div;
  }

  // A posted file (a report's chart, a CSV): images inline, anything else as a download link.
  function fileView(m) {
    const url = api + '/file?user=' + encodeURIComponent(state.me.userId) + '&conversation='
      + encodeURIComponent(state.conversationId) + '&message=' + encodeURIComponent(m.id);
    const f = m.file;
    if (f.image) {
      return '<figure class="file file-image"><img src="' + escapeHtml(url) + '" alt="' + escapeHtml(f.title) + '">'
        + '<figcaption>' + escapeHtml(f.filename) + '</figcaption></figure>';
    }
    return '<div class="file file-download"><a href="' + escapeHtml(url) + '" download="' + escapeHtml(f.filename) + '">'
      + 'Download ' + escapeHtml(f.filename) + '</a> <span class="muted">(' + escapeHtml(f.mimeType) + ', '
      + Math.max(1, Math.round(f.size / 1024)) + ' kB)</span></div>';
  }

  function errorLine(l) {
    const div = document.createElement('div');
    div.className = 'message ephemeral error';
    div.setAttribute('role', 'alert');
    div.innerHTML = '<div class="meta">Only visible to you</div>' + l.html;
    return div;
  }

  function key() {
    return state.me.userId + '|' + state.conversationId;
  }

  function addError(message) {
    const current = state.conversations.find((c) => c.id === state.conversationId);
    const list = state.errors[key()] || (state.errors[key()] = []);
    list.push({ after: current ? current.messages.length : 0, html: '<div class="text">' + escapeHtml(message) + '</div>' });
    render();
  }

  // ---------- replies ----------
  // Private replies are posted in the conversation by the server (for you only): reload shows them.
  async function showReply(reply, form) {
    switch (reply.kind) {
      case 'form': openForm(reply.form, {}); break;
      case 'errors': openForm(reply.form, reply.errors, form); break;
      case 'accepted': closeForm(); break;
      default: break;
    }
    await reload();
  }

  async function send() {
    const input = $('composer-input');
    const text = input.value.trim();
    if (!text) {
      return;
    }
    input.value = '';
    $('composer-send').disabled = true;
    try {
      await showReply(await call('/command', { user: state.me.userId, conversation: state.conversationId, text: text }));
    } catch (e) {
      addError(e.message);
    } finally {
      $('composer-send').disabled = false;
      if (!state.form) {
        input.focus();
      }
    }
  }

  async function press(message, button, element) {
    state.opener = element;
    element.disabled = true;
    try {
      await showReply(await call('/button', { user: state.me.userId, conversation: state.conversationId,
        messageId: message.id, actionId: button.actionId, value: button.value }));
    } catch (e) {
      addError(e.message);
    } finally {
      state.opener = null;
      element.disabled = false;
    }
  }

  async function fastForward() {
    const days = parseInt($('ff-days').value, 10);
    $('ff-go').disabled = true;
    try {
      const res = await call('/time', { days: days });
      state.now = res.now;
      await reload();
    } catch (e) {
      addError(e.message);
    } finally {
      $('ff-go').disabled = false;
    }
  }

  // ---------- forms, rendered from the neutral Form, as an accessible modal dialog ----------
  // Focus moves into the dialog and stays there (Tab cycles); Esc or Cancel closes it and gives
  // focus back; each error is tied to its field (aria-describedby); a group of boxes is a fieldset.
  function openForm(form, errors, previous) {
    if (!state.form) {
      // the button that opened it (disabled while its request ran, so it may have lost the focus)
      const el = state.opener || document.activeElement;
      const message = el && el.closest ? el.closest('[data-message-id]') : null;
      // live updates re-render the messages: remember the button by what it is, not by the element
      state.returnFocus = { el: el, messageId: message ? message.dataset.messageId : null, action: el ? el.dataset.action : null };
    }
    state.form = form;
    $('form-title').textContent = form.title;
    $('form-submit').textContent = form.submitLabel;
    const fields = $('form-fields');
    const kept = previous || {};
    fields.innerHTML = '';
    let firstInvalid = null;
    for (const f of form.fields) {
      const wrap = document.createElement(f.type === 'MULTI_CHOICE' ? 'fieldset' : 'div');
      wrap.className = 'field';
      wrap.dataset.field = f.id;
      const chosen = kept[f.id] || f.initial || [];
      const label = escapeHtml(f.label) + (f.required ? ' <span aria-hidden="true">*</span>' : '');
      const name = 'f-' + f.id;
      const error = errors && errors[f.id];
      const errorId = 'err-' + f.id;
      const described = error ? ' aria-invalid="true" aria-describedby="' + errorId + '"' : '';
      const required = f.required ? ' aria-required="true"' : '';
      if (f.type === 'SINGLE_CHOICE') {
        wrap.innerHTML = '<label for="' + name + '">' + label + '</label><select id="' + name + '" name="' + escapeHtml(f.id) + '"' + described + required + '>'
          + '<option value="">Choose…</option>'
          + f.options.map((o) => '<option value="' + escapeHtml(o.value) + '"' + (chosen.includes(o.value) ? ' selected' : '') + '>' + escapeHtml(o.label) + '</option>').join('')
          + '</select>';
      } else if (f.type === 'MULTI_CHOICE') {
        if (error) {
          wrap.setAttribute('aria-describedby', errorId);
        }
        wrap.innerHTML = '<legend>' + label + '</legend>' + f.options.map((o, i) => '<label class="choice"><input type="checkbox" id="' + name + '-' + i + '" name="'
          + escapeHtml(f.id) + '" value="' + escapeHtml(o.value) + '"' + (chosen.includes(o.value) ? ' checked' : '') + (error ? ' aria-invalid="true"' : '') + '> ' + escapeHtml(o.label) + '</label>').join('');
      } else if (f.type === 'BOOLEAN') {
        wrap.innerHTML = '<label class="choice"><input type="checkbox" id="' + name + '" name="' + escapeHtml(f.id) + '" value="true"'
          + (chosen.includes('true') ? ' checked' : '') + described + '> ' + label + '</label>';
      } else {
        const type = f.type === 'DATE' ? 'date' : 'text';
        wrap.innerHTML = '<label for="' + name + '">' + label + '</label><input id="' + name + '" type="' + type + '" name="'
          + escapeHtml(f.id) + '" value="' + escapeHtml(chosen[0] || '') + '"' + described + required + '>';
      }
      if (error) {
        const err = document.createElement('div');
        err.className = 'field-error';
        err.id = errorId;
        err.textContent = error;
        wrap.appendChild(err);
        firstInvalid = firstInvalid || wrap.querySelector('input, select');
      }
      fields.appendChild(wrap);
    }
    $('form-overlay').hidden = false;
    $('layout').inert = true;
    $('banner').inert = true;
    (firstInvalid || focusable()[0]).focus();
  }

  function focusable() {
    return Array.from($('form-panel').querySelectorAll('input, select, textarea, button'))
      .filter((e) => !e.disabled && e.offsetParent !== null);
  }

  function dialogKeys(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeForm();
    } else if (e.key === 'Tab') {
      const items = focusable();
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  function returnFocus() {
    const r = state.returnFocus || {};
    state.returnFocus = null;
    let back = r.el && document.contains(r.el) ? r.el : null;
    if (!back && r.messageId && r.action) {
      back = document.querySelector('[data-message-id="' + CSS.escape(r.messageId) + '"] button[data-action="' + CSS.escape(r.action) + '"]');
    }
    (back || $('composer-input')).focus();
  }

  function formValues() {
    const values = {};
    for (const f of state.form.fields) {
      const inputs = Array.from($('form-fields').querySelectorAll('[name="' + CSS.escape(f.id) + '"]'));
      if (f.type === 'MULTI_CHOICE' || f.type === 'BOOLEAN') {
        values[f.id] = inputs.filter((i) => i.checked).map((i) => i.value);
      } else {
        values[f.id] = inputs.map((i) => i.value).filter((v) => v !== '');
      }
    }
    return values;
  }

  async function submitForm() {
    const values = formValues();
    $('form-submit').disabled = true;
    try {
      await showReply(await call('/form', { user: state.me.userId, conversation: state.conversationId,
        formId: state.form.formId, values: values }), values);
    } catch (e) {
      closeForm();
      addError(e.message);
    } finally {
      $('form-submit').disabled = false;
    }
  }

  function closeForm() {
    const wasOpen = state.form !== null;
    state.form = null;
    $('form-overlay').hidden = true;
    $('layout').inert = false;
    $('banner').inert = false;
    if (wasOpen) {
      returnFocus();
    }
  }

  start().catch((e) => {
    document.body.insertAdjacentHTML('afterbegin', '<p class="ephemeral error">Sandbox failed to load: ' + escapeHtml(e.message) + '</p>');
  });
})();
