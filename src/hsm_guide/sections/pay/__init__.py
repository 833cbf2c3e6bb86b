"""Pay views, each in its own module: national, area, states and metros, industries, salary, history,
related occupations, and past editions from the knowledge base."""
