package io.cores.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of the test server, so that a test can drop a client's
 * connections the way a network does, without the client or the server knowing in advance.
 */
public final class TcpRelay implements AutoCloseable {

	private final ServerSocket listening;

	private final int target;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private TcpRelay(int target) throws IOException {
		this.target = target;
		this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("relay-accept", this::accept);
	}

	/** A relay to {@code port} on loopback, accepting at once. */
	public static TcpRelay to(int port) throws IOException {
		return new TcpRelay(port);
	}

	public int port() {
		return listening.getLocalPort();
	}

	/** Closes every connection relayed so far (both sides); new ones are still accepted. */
	public void dropAll() {
		open.forEach(TcpRelay::closeQuietly);
		open.clear();
	}

	@Override
	public void close() {
		closeQuietly(listening);
		dropAll();
	}

	private void accept() {
		while (!listening.isClosed()) {
			try {
				var client = listening.accept();
				var server = new Socket(InetAddress.getLoopbackAddress(), target);
				open.add(client);
				open.add(server);
				daemon("relay-up", () -> pump(client, server));
				daemon("relay-down", () -> pump(server, client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// dropped
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void daemon(String name, Runnable work) {
		var thread = new Thread(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				// a relay thread ends with its connection
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}
}
