// The TenFour sandbox page: plays a seeded person against the real product through /sandbox/api.
// Plain JavaScript on purpose (no build step). State lives on the server; the page reloads it
// whenever the live stream says something changed.
(function () {
  'use strict';
  const api = '/sandbox/api';
  const $ = (id) => document.getElementById(id);
  const state = {
    directory: null, me: null, conversationId: null, conversations: [], now: null,
    ephemeral: {},   // conversationId -> [{after, kind, html}] lines only this browser sees
    seen: {},        // conversationId -> messages count already looked at
    form: null, stream: null
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
    const lines = state.ephemeral[key()] || [];
    const messages = current ? current.messages : [];
    for (let i = 0; i <= messages.length; i++) {
      lines.filter((l) => l.after === i).forEach((l) => box.appendChild(ephemeralLine(l)));
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

  function messageView(m) {
    const div = document.createElement('div');
    div.className = 'message';
    div.dataset.messageId = m.id;
    div.innerHTML = '<div class="meta"><span class="author">TenFour</span><time>' + escapeHtml(when(m.at)) + '</time>'
      + (m.edited ? ' <span class="edited">(edited)</span>' : '') + '</div>'
      + '<div class="text">' + rich(m.text) + '</div>'
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

  function ephemeralLine(l) {
    const div = document.createElement('div');
    div.className = 'message ephemeral ' + l.kind;
    div.innerHTML = '<div class="meta">' + (l.kind === 'typed' ? 'You' : 'Only visible to you') + '</div>' + l.html;
    return div;
  }

  function key() {
    return state.me.userId + '|' + state.conversationId;
  }

  function addEphemeral(kind, html) {
    const current = state.conversations.find((c) => c.id === state.conversationId);
    const list = state.ephemeral[key()] || (state.ephemeral[key()] = []);
    list.push({ after: current ? current.messages.length : 0, kind: kind, html: html });
    render();
  }

  function messageHtml(m) {
    return '<div class="text">' + rich(m.text) + '</div>'
      + (m.notes && m.notes.length ? '<ul class="notes">' + m.notes.map((n) => '<li>' + rich(n) + '</li>').join('') + '</ul>' : '');
  }

  // ---------- replies ----------
  function showReply(reply, form) {
    switch (reply.kind) {
      case 'private': addEphemeral('reply', messageHtml(reply.message)); break;
      case 'form': openForm(reply.form, {}); break;
      case 'errors': openForm(reply.form, reply.errors, form); break;
      case 'accepted':
        closeForm();
        if (reply.message) { addEphemeral('reply', messageHtml(reply.message)); }
        break;
      default: break;
    }
  }

  async function send() {
    const input = $('composer-input');
    const text = input.value.trim();
    if (!text) {
      return;
    }
    input.value = '';
    // A slash command shows as typed code; a plain message (in your DM: to your peer) as text.
    addEphemeral('typed', '<div class="text">' + (text.startsWith('/') ? '<code>' + escapeHtml(text) + '</code>'
      : escapeHtml(text)) + '</div>');
    $('composer-send').disabled = true;
    try {
      showReply(await call('/command', { user: state.me.userId, conversation: state.conversationId, text: text }));
    } catch (e) {
      addEphemeral('error', '<div class="text">' + escapeHtml(e.message) + '</div>');
    } finally {
      $('composer-send').disabled = false;
      input.focus();
    }
  }

  async function press(message, button, element) {
    element.disabled = true;
    try {
      showReply(await call('/button', { user: state.me.userId, conversation: state.conversationId,
        messageId: message.id, actionId: button.actionId, value: button.value }));
    } catch (e) {
      addEphemeral('error', '<div class="text">' + escapeHtml(e.message) + '</div>');
    } finally {
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
      addEphemeral('error', '<div class="text">' + escapeHtml(e.message) + '</div>');
    } finally {
      $('ff-go').disabled = false;
    }
  }

  // ---------- forms, rendered from the neutral Form ----------
  function openForm(form, errors, previous) {
    state.form = form;
    $('form-title').textContent = form.title;
    $('form-submit').textContent = form.submitLabel;
    const fields = $('form-fields');
    const kept = previous || {};
    fields.innerHTML = '';
    for (const f of form.fields) {
      const wrap = document.createElement('div');
      wrap.className = 'field';
      wrap.dataset.field = f.id;
      const chosen = kept[f.id] || f.initial || [];
      const label = escapeHtml(f.label) + (f.required ? ' *' : '');
      const name = 'f-' + f.id;
      if (f.type === 'SINGLE_CHOICE') {
        wrap.innerHTML = '<label for="' + name + '">' + label + '</label><select id="' + name + '" name="' + escapeHtml(f.id) + '">'
          + '<option value="">Choose…</option>'
          + f.options.map((o) => '<option value="' + escapeHtml(o.value) + '"' + (chosen.includes(o.value) ? ' selected' : '') + '>' + escapeHtml(o.label) + '</option>').join('')
          + '</select>';
      } else if (f.type === 'MULTI_CHOICE') {
        wrap.innerHTML = '<span class="label">' + label + '</span>' + f.options.map((o) => '<label class="choice"><input type="checkbox" name="'
          + escapeHtml(f.id) + '" value="' + escapeHtml(o.value) + '"' + (chosen.includes(o.value) ? ' checked' : '') + '> ' + escapeHtml(o.label) + '</label>').join('');
      } else if (f.type === 'BOOLEAN') {
        wrap.innerHTML = '<label class="choice"><input type="checkbox" id="' + name + '" name="' + escapeHtml(f.id) + '" value="true"'
          + (chosen.includes('true') ? ' checked' : '') + '> ' + label + '</label>';
      } else {
        const type = f.type === 'DATE' ? 'date' : 'text';
        wrap.innerHTML = '<label for="' + name + '">' + label + '</label><input id="' + name + '" type="' + type + '" name="'
          + escapeHtml(f.id) + '" value="' + escapeHtml(chosen[0] || '') + '">';
      }
      if (errors && errors[f.id]) {
        const err = document.createElement('div');
        err.className = 'field-error';
        err.textContent = errors[f.id];
        wrap.appendChild(err);
      }
      fields.appendChild(wrap);
    }
    $('form-overlay').hidden = false;
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
      showReply(await call('/form', { user: state.me.userId, formId: state.form.formId, values: values }), values);
    } catch (e) {
      closeForm();
      addEphemeral('error', '<div class="text">' + escapeHtml(e.message) + '</div>');
    } finally {
      $('form-submit').disabled = false;
    }
  }

  function closeForm() {
    state.form = null;
    $('form-overlay').hidden = true;
  }

  start().catch((e) => {
    document.body.insertAdjacentHTML('afterbegin', '<p class="ephemeral error">Sandbox failed to load: ' + escapeHtml(e.message) + '</p>');
  });
})();
