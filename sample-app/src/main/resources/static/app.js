// The test page's client side: one WebSocket per protocol of the sample app, each drawn into its own section of
// index.html. No libraries, so the page works offline and from any --resource-path copy.
'use strict';

(function () {

	/** The WebSocket URL of the server this page came from: same host and port, wss when the page is https. */
	function socketUrl(query) {
		const scheme = (location.protocol === 'https:') ? 'wss://' : 'ws://';
		return scheme + location.host + '/' + query;
	}

	function byId(id) {
		return document.getElementById(id);
	}

	/** Shows a connection state as text, and as data-state for the stylesheet and the browser test. */
	function showState(element, text, state) {
		element.textContent = text;
		element.dataset.state = state;
	}

	/**
	 * Opens a WebSocket speaking `protocol` and keeps `stateElement` up to date. `onClose`, if given, gets the
	 * CloseEvent, whose code and reason are the ones in the server's close frame.
	 */
	function connect(protocol, query, stateElement, onMessage, onClose) {
		const ws = new WebSocket(socketUrl(query), protocol);
		// binary messages (the mirror relays whatever a member sent) arrive as bytes we can decode at once
		ws.binaryType = 'arraybuffer';
		showState(stateElement, 'connecting', 'connecting');
		ws.addEventListener('open', () => showState(stateElement, 'open', 'open'));
		ws.addEventListener('message', onMessage);
		ws.addEventListener('close', (ev) => {
			showState(stateElement, 'closed (' + ev.code + (ev.reason ? ' ' + ev.reason : '') + ')', 'closed');
			if (onClose) {
				onClose(ev);
			}
		});
		return ws;
	}

	/** Sends only on an open socket: a click before the handshake or after a close does nothing. */
	function sendIfOpen(ws, data) {
		if (ws !== null && ws.readyState === WebSocket.OPEN) {
			ws.send(data);
			return true;
		}
		return false;
	}

	function messageText(ev) {
		return (typeof ev.data === 'string') ? ev.data : new TextDecoder().decode(ev.data);
	}

	// ---- dumb-increment-protocol ----

	const dumb = connect('dumb-increment-protocol', '', byId('dumb-status'), (ev) => {
		byId('dumb-number').textContent = messageText(ev);
	});
	// the server compares the start of the message, newline included
	byId('reset').addEventListener('click', () => sendIfOpen(dumb, 'reset\n'));
	// larger than the protocol's 10-byte rx buffer: the server must take it in pieces and ignore it
	byId('junk').addEventListener('click', () => sendIfOpen(dumb, 'a'.repeat(9000)));

	// ---- close testing: a dumb-increment connection of its own ----

	let closeSocket = null;

	function openCloseTest() {
		if (closeSocket !== null && closeSocket.readyState !== WebSocket.CLOSED) {
			return;
		}
		const result = byId('close-result');
		result.textContent = 'none yet';
		delete result.dataset.code;
		delete result.dataset.reason;
		closeSocket = connect('dumb-increment-protocol', '', byId('close-status'), (ev) => {
			byId('close-number').textContent = messageText(ev);
		}, (ev) => {
			result.textContent = ev.code + ' "' + ev.reason + '"' + (ev.wasClean ? '' : ' (not clean)');
			result.dataset.code = String(ev.code);
			result.dataset.reason = ev.reason;
		});
	}

	openCloseTest();
	// a client close: a correct server answers with the same code and reason, which is what the close event shows
	byId('close-client').addEventListener('click', () => {
		if (closeSocket !== null && closeSocket.readyState === WebSocket.OPEN) {
			closeSocket.close(3000, 'Bye!');
		}
	});
	// the server closes with 1001 "seeya" when asked
	byId('close-server').addEventListener('click', () => sendIfOpen(closeSocket, 'closeme\n'));
	byId('close-reopen').addEventListener('click', openCloseTest);

	// ---- lws-mirror-protocol ----

	// The server keeps a small ring of messages per instance, so strokes are sent in batches rather than one message
	// per mouse move: a batch goes when it passes this many characters, or this long after its first segment.
	const MIRROR_BATCH_CHARS = 400;
	const MIRROR_BATCH_MS = 20;

	const mirrorName = new URLSearchParams(location.search).get('mirror') || '';
	byId('mirror-name').textContent = (mirrorName === '') ? '(unnamed)' : mirrorName;

	const canvas = byId('mirror-canvas');
	const pen = canvas.getContext('2d');
	let shapesDrawn = 0;

	const mirror = connect('lws-mirror-protocol', '?mirror=' + encodeURIComponent(mirrorName), byId('mirror-status'),
			(ev) => drawCommands(messageText(ev)));

	/**
	 * Draws what the server relays, ours included (nothing is drawn locally, so every page shows the same picture):
	 * `d #RRGGBB x1 y1 x2 y2;` line segments from browsers and `c #RRGGBB x y r;` circles from
	 * libwebsockets-test-client. Anything else is skipped.
	 */
	function drawCommands(text) {
		for (const command of text.split(';')) {
			const fields = command.trim().split(/\s+/);
			const colour = fields[1] || '';
			const numbers = fields.slice(2).map(Number);
			if (!/^#[0-9a-fA-F]{6}$/.test(colour) || numbers.some((n) => !Number.isFinite(n))) {
				continue;
			}
			pen.strokeStyle = colour;
			pen.lineWidth = 2;
			pen.lineCap = 'round';
			pen.beginPath();
			if (fields[0] === 'd' && numbers.length === 4) {
				pen.moveTo(numbers[0], numbers[1]);
				pen.lineTo(numbers[2], numbers[3]);
			}
			else if (fields[0] === 'c' && numbers.length === 3 && numbers[2] > 0) {
				pen.arc(numbers[0], numbers[1], numbers[2], 0, 2 * Math.PI);
			}
			else {
				continue;
			}
			pen.stroke();
			shapesDrawn++;
		}
		byId('mirror-drawn').textContent = String(shapesDrawn);
	}

	let pending = '';
	let flushTimer = null;

	function mirrorQueue(command) {
		pending += command;
		if (pending.length > MIRROR_BATCH_CHARS) {
			mirrorFlush();
		}
		else if (flushTimer === null) {
			flushTimer = setTimeout(mirrorFlush, MIRROR_BATCH_MS);
		}
	}

	function mirrorFlush() {
		if (flushTimer !== null) {
			clearTimeout(flushTimer);
			flushTimer = null;
		}
		if (pending !== '') {
			sendIfOpen(mirror, pending);
			pending = '';
		}
	}

	/** The pointer position in canvas pixels (the canvas may be drawn scaled by the stylesheet). */
	function canvasPoint(ev) {
		const box = canvas.getBoundingClientRect();
		return {
			x: Math.round((ev.clientX - box.left) * canvas.width / box.width),
			y: Math.round((ev.clientY - box.top) * canvas.height / box.height),
		};
	}

	// pointer events cover the mouse, pens and touch alike
	let lastPoint = null;
	canvas.addEventListener('pointerdown', (ev) => {
		lastPoint = canvasPoint(ev);
		canvas.setPointerCapture(ev.pointerId);
		ev.preventDefault();
	});
	canvas.addEventListener('pointermove', (ev) => {
		if (lastPoint === null) {
			return;
		}
		const point = canvasPoint(ev);
		if (point.x === lastPoint.x && point.y === lastPoint.y) {
			return;
		}
		const colour = byId('mirror-colour').value;
		mirrorQueue('d ' + colour + ' ' + lastPoint.x + ' ' + lastPoint.y + ' ' + point.x + ' ' + point.y + ';');
		lastPoint = point;
	});
	for (const type of ['pointerup', 'pointercancel']) {
		canvas.addEventListener(type, () => {
			lastPoint = null;
			mirrorFlush();
		});
	}
	byId('mirror-clear').addEventListener('click', () => pen.clearRect(0, 0, canvas.width, canvas.height));

	// ---- lws-status ----

	const status = connect('lws-status', '', byId('status-state'), (ev) => showStatus(JSON.parse(messageText(ev))));

	/** Renders the server's list of status connections, newest first, as it sends it. */
	function showStatus(report) {
		byId('status-server').textContent = 'Server ' + report.hostname + ', lws ' + report.version + ', '
				+ report.wsi + ' status connection(s), WebSocket over HTTP/2: '
				+ ((report.wss_over_h2 === '1') ? 'yes' : 'no');
		const rows = (report.conns || []).map((conn) => {
			const row = document.createElement('tr');
			// times come as epoch seconds in a string; show them in the reader's own time zone
			const connected = new Date(Number(conn.time) * 1000);
			for (const [text, title] of [[conn.peer, ''], [connected.toLocaleString(), conn.time], [conn.ua, '']]) {
				const cell = document.createElement('td');
				// textContent, never innerHTML: the user agent is whatever a client chose to send
				cell.textContent = text;
				if (title) {
					cell.title = title;
				}
				row.append(cell);
			}
			return row;
		});
		byId('status-rows').replaceChildren(...rows);
	}

	/** A JSON text of some size that compresses well, to exercise large (and, when negotiated, deflated) messages. */
	function largeJson(entries) {
		const list = [];
		for (let i = 0; i < entries; i++) {
			list.push({ index: i, kind: 'status test', text: 'the same words again and again' });
		}
		return JSON.stringify({ test: 'large message', entries: list });
	}

	// the server only logs what it receives on lws-status
	byId('status-large').addEventListener('click', () => {
		sendIfOpen(status, largeJson(23));
		sendIfOpen(status, largeJson(240));
	});

	// ---- forms ----

	// the server refuses larger files (413); saying so before uploading spares the wait
	const MAX_UPLOAD_BYTES = 100000;

	function checkUpload() {
		const file = byId('multipart-file').files[0];
		const tooLarge = file !== undefined && file.size > MAX_UPLOAD_BYTES;
		byId('multipart-message').textContent = tooLarge
				? file.name + ' is ' + file.size + ' bytes: at most ' + MAX_UPLOAD_BYTES + ' can be sent'
				: '';
		return !tooLarge;
	}

	byId('multipart-file').addEventListener('change', checkUpload);
	byId('form-multipart').addEventListener('submit', (ev) => {
		if (!checkUpload()) {
			ev.preventDefault();
		}
	});

	// ---- echo ----

	const echo = connect('echo', '', byId('echo-status'), (ev) => {
		byId('echo-reply').textContent = messageText(ev);
	});
	byId('echo-form').addEventListener('submit', (ev) => {
		ev.preventDefault();
		sendIfOpen(echo, byId('echo-input').value);
	});

})();
