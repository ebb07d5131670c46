package io.cores.platform.graphql.limits;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Documents parsed and validated once, then reused while their text recurs, as frontends and
 * agents send the same few documents again and again: parsing and validating cost about a tenth
 * of a small request (docs/performance.md). Only documents that passed are kept, so every one
 * the cache answers has been through the parser's limits and the shape check, which look at the
 * text alone; depth and complexity depend on the variables and are checked on every request.
 * Bounded by the total length of the texts kept.
 */
class DocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> documents;

	DocumentCache(long maxCharacters) {
		this.documents = Caffeine.newBuilder().maximumWeight(maxCharacters)
			.<String, PreparsedDocumentEntry>weigher((text, entry) -> text.length())
			.build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		var text = input.getQuery();
		var cached = documents.getIfPresent(text);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		var entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			documents.put(text, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}
}
