using Bilan.BackOffice.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBackOffice();

var app = builder.Build();
app.UseBackOffice();

app.Run();
