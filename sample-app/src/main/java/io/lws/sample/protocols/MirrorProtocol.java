package io.lws.sample.protocols;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lws.core.CloseStatus;
import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.PendingTimeout;
import io.lws.core.WriteProtocol;
import io.lws.core.log.LwsLog;
import io.lws.core.ring.LwsRing;
import io.lws.spring.boot.autoconfigure.LwsProtocol;

/**
 * {@code lws-mirror-protocol}: every message a member sends goes, in order, to every member of the same mirror
 * instance, the sender included. The instance is chosen by the {@code ?mirror=} argument of the WebSocket URL.
 * <p>
 * Each instance keeps a bounded {@link LwsRing}; each member reads it at its own tail. When the ring is nearly full
 * the senders stop receiving (rx flow control) and the slowest members, those holding the oldest message, get a few
 * seconds to catch up or are dropped: the ring never grows. Instances are limited in number and removed with their
 * last member. Members may live on different service threads; an instance is guarded by its own lock, and work on
 * another member's connection is posted to that member's thread.
 * <p>
 * Refuses permessage-deflate ({@code CONFIRM_EXTENSION_OKAY} returns 1, as in libwebsockets).
 * <p>
 * Relays text as sent, without checking it is UTF-8 ({@code validateUtf8 = false}), so libwebsockets' test client
 * passes its {@code --echo} test here, which sends text that is not UTF-8 and compares every byte that comes back. The
 * vhost's other protocols still fail such text with 1007. A browser that receives it fails its own connection.
 * <p>
 * A message is relayed whole up to {@link #MAX_MESSAGE} bytes; a longer one is relayed in parts of that size, each a
 * message of its own (libwebsockets relays every 4096-byte piece as a separate message).
 */
@LwsProtocol(name = MirrorProtocol.NAME, rxBufferSize = MirrorProtocol.RX_BUFFER_SIZE, validateUtf8 = false)
public class MirrorProtocol implements LwsProtocolHandler<MirrorProtocol.Member> {

	/** The protocol name clients ask for. */
	public static final String NAME = "lws-mirror-protocol";

	/** The rx buffer size libwebsockets' test server gives this protocol. */
	public static final int RX_BUFFER_SIZE = 4096;

	/** The largest message relayed whole. */
	public static final int MAX_MESSAGE = 64 * 1024;

	private final int maxInstances;

	private final int ringSize;

	private final int laggardTimeoutSecs;

	private final Map<String, Instance> instances = new HashMap<>();

	private final java.util.concurrent.atomic.LongAdder relayed = new java.util.concurrent.atomic.LongAdder();

	/** A mirror with libwebsockets' limits: 3 instances, 32 messages per ring, 3 s for a laggard to catch up. */
	public MirrorProtocol() {
		this(3, 32, 3);
	}

	/**
	 * A mirror with explicit limits.
	 * @param maxInstances how many instances may exist at once
	 * @param ringSize messages each instance holds
	 * @param laggardTimeoutSecs seconds the slowest member gets to catch up once the ring is nearly full
	 */
	public MirrorProtocol(int maxInstances, int ringSize, int laggardTimeoutSecs) {
		if (maxInstances < 1 || ringSize < 8 || laggardTimeoutSecs < 1) {
			throw new IllegalArgumentException("mirror limits must be positive (ring at least 8)");
		}
		this.maxInstances = maxInstances;
		this.ringSize = ringSize;
		this.laggardTimeoutSecs = laggardTimeoutSecs;
	}

	/** One member's state. */
	public static final class Member {

		Instance instance;

		LwsRing.Tail tail;

		Lws wsi;

		final ByteArrayOutputStream partial = new ByteArrayOutputStream();

		boolean partialBinary;

		boolean rxStopped;

	}

	/** One mirror instance: its ring and members, guarded by the instance's monitor. */
	static final class Instance {

		final String name;

		final LwsRing<Message> ring;

		final List<Member> members = new ArrayList<>();

		/** Members whose input is stopped until the ring drains. */
		final Set<Member> stopped = new HashSet<>();

		/** Members that must catch up before their deadline (they hold the oldest message under pressure). */
		final Set<Member> onDeadline = new HashSet<>();

		Instance(String name, int ringSize) {
			this.name = name;
			this.ring = new LwsRing<>(ringSize);
		}

	}

	record Message(byte[] data, boolean binary) {
	}

	@Override
	public Member newSession(Lws wsi) {
		return new Member();
	}

	/**
	 * Refuses permessage-deflate, as libwebsockets' mirror does: what it relays is small, and its own test client,
	 * which offers the extension, must see plain frames.
	 */
	@Override
	public int onConfirmExtensionOkay(Lws wsi, Member m, String name) {
		return 1;
	}

	@Override
	public int onEstablished(Lws wsi, Member m) {
		String name = wsi.urlArg("mirror");
		if (name == null) {
			name = "";
		}
		Instance inst;
		synchronized (this.instances) {
			inst = this.instances.get(name);
			if (inst == null) {
				if (this.instances.size() >= this.maxInstances) {
					LwsLog.info("Refusing mirror instance '{}': {} instances exist already", name, this.maxInstances);
					wsi.closeReason(CloseStatus.POLICY_VIOLATION, "too many mirror instances");
					return -1;
				}
				inst = new Instance(name, this.ringSize);
				this.instances.put(name, inst);
			}
			synchronized (inst) {
				m.instance = inst;
				m.wsi = wsi;
				m.tail = inst.ring.newTail();
				inst.members.add(m);
			}
		}
		return 0;
	}

	@Override
	public int onReceive(Lws wsi, Member m, ByteBuffer in) {
		if (m.instance == null) {
			return 0;
		}
		if (wsi.isFirstFragment()) {
			m.partial.reset();
			m.partialBinary = wsi.frameIsBinary();
		}
		byte[] chunk = new byte[in.remaining()];
		in.get(chunk);
		m.partial.write(chunk, 0, chunk.length);
		if (!wsi.isFinalFragment() && m.partial.size() < MAX_MESSAGE) {
			return 0;
		}
		Message msg = new Message(m.partial.toByteArray(), m.partialBinary);
		m.partial.reset();
		List<Member> wake;
		Instance inst = m.instance;
		synchronized (inst) {
			if (!inst.ring.insert(msg)) {
				LwsLog.warn("Mirror '{}' ring full: dropping a message", inst.name);
			}
			if (inst.ring.freeSlots() < lowWater()) {
				// stop taking input until the slowest members catch up, and give those a deadline
				wsi.rxFlowControl(false);
				m.rxStopped = true;
				inst.stopped.add(m);
				setDeadlines(inst);
			}
			wake = new ArrayList<>(inst.members);
		}
		for (Member other : wake) {
			other.wsi.callbackOnWritable();
		}
		return 0;
	}

	@Override
	public int onServerWriteable(Lws wsi, Member m) {
		Instance inst = m.instance;
		if (inst == null) {
			return 0;
		}
		List<Member> resume = null;
		boolean more;
		synchronized (inst) {
			Message msg;
			while (!wsi.partialBuffered() && (msg = inst.ring.consume(m.tail)) != null) {
				if (wsi.write(ByteBuffer.wrap(msg.data()),
						msg.binary() ? WriteProtocol.BINARY : WriteProtocol.TEXT) < 0) {
					return -1;
				}
				this.relayed.increment();
			}
			more = inst.ring.pending(m.tail) > 0;
			resume = relieve(inst);
		}
		if (resume != null) {
			resume(resume);
		}
		if (more) {
			wsi.callbackOnWritable();
		}
		return 0;
	}

	@Override
	public int onClosed(Lws wsi, Member m) {
		Instance inst = m.instance;
		if (inst == null) {
			return 0;
		}
		List<Member> resume = null;
		synchronized (this.instances) {
			synchronized (inst) {
				inst.ring.removeTail(m.tail);
				inst.members.remove(m);
				inst.stopped.remove(m);
				if (inst.members.isEmpty()) {
					this.instances.remove(inst.name);
				}
				else {
					inst.onDeadline.remove(m);
					resume = relieve(inst);
				}
			}
		}
		if (resume != null) {
			resume(resume);
		}
		return 0;
	}

	/**
	 * Under pressure, gives every member now holding the oldest message a deadline to catch up (when the oldest member
	 * moves on, the next one becomes the laggard and gets its own deadline). Call with the instance locked.
	 */
	private void setDeadlines(Instance inst) {
		for (Member other : inst.members) {
			if (inst.ring.isOldest(other.tail) && inst.onDeadline.add(other)) {
				Lws laggard = other.wsi;
				laggard.post(() -> laggard.setTimeout(PendingTimeout.USER_OK, this.laggardTimeoutSecs));
			}
		}
	}

	/**
	 * Ends the pressure once the ring has drained enough: deadlines are lifted and stopped senders resume (returned,
	 * to be resumed outside the lock). While still under pressure, re-targets the deadlines. Call with the instance
	 * locked.
	 */
	private List<Member> relieve(Instance inst) {
		if (inst.stopped.isEmpty()) {
			return null;
		}
		if (inst.ring.freeSlots() < highWater()) {
			setDeadlines(inst);
			return null;
		}
		for (Member d : inst.onDeadline) {
			Lws w = d.wsi;
			w.post(() -> w.setTimeout(PendingTimeout.NO_PENDING_TIMEOUT, 0));
		}
		inst.onDeadline.clear();
		List<Member> resume = new ArrayList<>(inst.stopped);
		inst.stopped.clear();
		return resume;
	}

	private static void resume(List<Member> members) {
		for (Member s : members) {
			Lws w = s.wsi;
			w.post(() -> {
				s.rxStopped = false;
				w.rxFlowControl(true);
			});
		}
	}

	/** Messages written to members so far (each copy counts). */
	public long messagesRelayed() {
		return this.relayed.sum();
	}

	/** The number of live instances (for tests and status). */
	public int instanceCount() {
		synchronized (this.instances) {
			return this.instances.size();
		}
	}

	private int lowWater() {
		return Math.max(2, this.ringSize / 8);
	}

	private int highWater() {
		return this.ringSize * 2 / 3;
	}

}
