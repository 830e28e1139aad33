"""Danish formats in templates, for every app's pages: ``{% load dk %}`` then
``{{ n|dk_int }}`` (9.503.911), ``{{ amount|kr }}`` (9.503.911 kr.), ``{{ day|dk_date }}``
(28.02.2023). The formats themselves are socialeconomy.formatting."""

from django import template

from socialeconomy import formatting

register = template.Library()

register.filter("dk_int", formatting.dk_int)
register.filter("kr", formatting.dk_kr)
register.filter("dk_date", formatting.dk_date)
