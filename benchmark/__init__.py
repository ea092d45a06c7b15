"""The benchmark (make bench): synthetic editions, the drafting simulation, and the runs that time them."""
