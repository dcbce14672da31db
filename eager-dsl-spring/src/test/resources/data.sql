insert into publisher (id, name) values (1, 'Penguin'), (2, 'Faber');
insert into author (id, name, publisher_id) values (1, 'Austen', 1), (2, 'Borges', 2), (3, 'Calvino', null);
insert into award (id, name, author_id) values (1, 'Prix', 2), (2, 'Premio', 3), (3, 'Medal', 3);
insert into tag (id, name) values (1, 'classic'), (2, 'novel'), (3, 'short');
insert into book (id, title, price, author_id) values
  (1, 'Emma', 9.50, 1),
  (2, 'Persuasion', 7.00, 1),
  (3, 'Ficciones', 12.00, 2),
  (4, 'Labyrinths', 15.00, 2),
  (5, 'Invisible Cities', 11.00, 3),
  (6, 'Emmanuel', 5.00, null);
insert into book_tag (book_id, tags_id) values (1, 1), (1, 2), (2, 1), (3, 3), (4, 3), (5, 2), (5, 3);
insert into review (id, stars, book_id) values (1, 5, 1), (2, 4, 3), (3, 5, 5), (4, 3, 1);
