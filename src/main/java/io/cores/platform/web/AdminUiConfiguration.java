package io.cores.platform.web;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the admin UI built by the Maven build into {@code static/admin} (docs/admin.md):
 * {@code /admin} and {@code /admin/} answer its index.html, its assets are static files
 * (content-hashed, so cached for long), and any other path under {@code /admin/} answers the
 * index.html too, so the application's own routes survive a reload. A build without the UI
 * ({@code -Dadmin-ui.skip}) has no index.html and answers 404 there.
 */
@Configuration(proxyBeanMethods = false)
class AdminUiConfiguration implements WebMvcConfigurer {

	private static final String LOCATION = "classpath:/static/admin/";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/admin", "/admin/");
		registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/admin/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic());
		registry.addResourceHandler("/admin/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new IndexFallback());
	}

	/** A path with no file of its own is one of the application's routes: its index.html. */
	private static final class IndexFallback extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			var resource = super.getResource(resourcePath, location);
			if (resource != null || resourcePath.startsWith("assets/")) {
				return resource;
			}
			return super.getResource("index.html", location);
		}
	}
}
