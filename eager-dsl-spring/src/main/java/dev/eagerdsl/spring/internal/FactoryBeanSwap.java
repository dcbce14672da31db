package dev.eagerdsl.spring.internal;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * Puts {@link PlanningRepositoryFactoryBean} in place of Spring Data's {@link JpaRepositoryFactoryBean}
 * in the definitions of the JPA repositories (Boot's or those of an {@code @EnableJpaRepositories}).
 * A repository with a factory bean of its own is left alone.
 */
final class FactoryBeanSwap implements BeanFactoryPostProcessor, Ordered {

    private static final String SPRING_DATA = JpaRepositoryFactoryBean.class.getName();

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        boolean changed = false;
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (SPRING_DATA.equals(definition.getBeanClassName())) {
                definition.setBeanClassName(PlanningRepositoryFactoryBean.class.getName());
                if (definition instanceof AbstractBeanDefinition abd) {
                    abd.setBeanClass(PlanningRepositoryFactoryBean.class);
                }
                changed = true;
            }
        }
        if (changed && beanFactory instanceof DefaultListableBeanFactory dlbf) {
            dlbf.clearMetadataCache();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
