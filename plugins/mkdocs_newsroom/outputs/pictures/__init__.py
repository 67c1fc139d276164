"""Lead photographs made fit for phones: smaller copies in modern formats (`recipe.py`, what is
made; `resizing.py`, Pillow's part), kept between builds in a cache keyed by the file's
content (`store.py`), made in the build's processes and linked into the site (`making.py`).
The markup that offers them is rendering/pictures.py's."""
