"""What the pages show: which pages exist and where (plan, routes), and how they are drawn (render, templates/)."""
