"""Geometry and places: which buurt, wijk and municipality a point lies in, and loading the area polygons."""
