package dev.eagerdsl.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The test application: a bookshop on Spring Data JPA whose repositories carry @SelectRelated / @PrefetchRelated. */
@SpringBootApplication
public class ShopApplication {
}
