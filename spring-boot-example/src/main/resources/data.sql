insert into region (id, name) values (1, 'North'), (2, 'South');
insert into customer (id, name, region_id) values (1, 'Ana', 1), (2, 'Rui', 2), (3, 'Eva', 1), (4, 'Ivo', null);
insert into invoice (id, cents, customer_id) values (1, 1000, 1), (2, 2500, 1), (3, 700, 2), (4, 4200, 3), (5, 300, 3), (6, 999, 3);
