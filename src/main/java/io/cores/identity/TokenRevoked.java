package io.cores.identity;

/**
 * A token stopped authenticating: disabled or deleted. Published inside the change's
 * transaction; listeners that act on it (closing the token's open connections) do so after
 * the commit.
 */
public record TokenRevoked(long tokenId) {
}
