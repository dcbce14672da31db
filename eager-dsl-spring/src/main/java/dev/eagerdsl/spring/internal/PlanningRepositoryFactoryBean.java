package dev.eagerdsl.spring.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.Serializable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;

/**
 * Spring Data's {@link JpaRepositoryFactoryBean}, with the repository's queries created on a
 * {@link PlanningEntityManager} and a {@link PlanInterceptor} around its methods. The
 * auto-configuration puts it in place of {@code JpaRepositoryFactoryBean}; with
 * {@code @EnableJpaRepositories(repositoryFactoryBeanClass = PlanningRepositoryFactoryBean.class)}
 * it can be named by hand.
 *
 * @param <T> the repository type
 * @param <S> the domain type
 * @param <ID> the id type
 */
public class PlanningRepositoryFactoryBean<T extends Repository<S, ID>, S, ID extends Serializable>
        extends JpaRepositoryFactoryBean<T, S, ID> {

    private int streamChunkSize = EagerDslProperties.DEFAULT_STREAM_CHUNK_SIZE;
    private EntityManagerFactory emf;

    /**
     * @param repositoryInterface the repository interface
     */
    public PlanningRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
        // a customizer runs after Spring Data has added its transaction and exception translation interceptors,
        // so the plan's interceptor comes after them: it runs inside the method's transaction, when there is one
        addRepositoryFactoryCustomizer(factory -> factory.addRepositoryProxyPostProcessor((proxy, repository) -> {
            MethodPlans plans = MethodPlans.read(repository, emf, streamChunkSize);
            proxy.addAdvice(new PlanInterceptor(plans, emf));
        }));
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        super.setBeanFactory(beanFactory);
        if (beanFactory instanceof ListableBeanFactory beans) {
            EagerDslProperties properties = beans.getBeanProvider(EagerDslProperties.class).getIfAvailable();
            if (properties != null) {
                streamChunkSize = properties.getStreamChunkSize();
            }
        }
    }

    @Override
    protected RepositoryFactorySupport createRepositoryFactory(EntityManager entityManager) {
        emf = entityManager.getEntityManagerFactory();
        return super.createRepositoryFactory(PlanningEntityManager.wrap(entityManager));
    }
}
