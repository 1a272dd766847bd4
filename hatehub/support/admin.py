from django.contrib import admin

from .models import SupportService


@admin.register(SupportService)
class SupportServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "scope", "referral_method", "active"]
    list_filter = ["scope", "referral_method", "active"]
    filter_horizontal = ["forces", "strands"]
