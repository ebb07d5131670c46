package io.cores;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CoresApplication {

	public static void main(String[] args) {
		SpringApplication.run(CoresApplication.class, args);
	}
}
