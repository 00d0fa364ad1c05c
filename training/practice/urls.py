app_name = "practice"
urlpatterns = []
