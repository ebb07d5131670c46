/** The admin UI's single-page application, served at /admin/ from the jar's static resources. */
package io.cores.platform.web;
